/**
 * The databases under test, one {@link io.flushdb.bench.peers.Peer} subclass each, created by
 * name through {@link io.flushdb.bench.peers.Peers}. A peer holds only what differs between
 * products: the JDBC URL, how a requested {@link io.flushdb.bench.peers.Durability} maps onto
 * its settings, how those settings are read back ({@link io.flushdb.bench.peers.DurabilityInForce}),
 * DDL that must differ, and, where the product counts them, its log fsyncs; for the bank
 * scenario, the isolation level in force, whether {@code SELECT ... FOR UPDATE} locks rows, and
 * which errors mean a lost conflict to retry. Everything a workload does goes through plain JDBC.
 */
package io.flushdb.bench.peers;
