package io.flushdb.storage;
