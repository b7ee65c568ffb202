package io.flushdb.driver;
