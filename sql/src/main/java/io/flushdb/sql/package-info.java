package io.flushdb.sql;
