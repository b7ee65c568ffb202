/**
 * Second-by-second recording for the flushing scenario ({@code --scenario flushing}) and its
 * chart.
 *
 * <ul>
 *   <li>{@link io.flushdb.bench.timeseries.TimeSeriesRecorder}: a thread that samples once a
 *       second against {@code System.nanoTime} deadlines, through a
 *       {@link io.flushdb.bench.timeseries.MetricsSampler} ({@code INFORMATION_SCHEMA.INNODB_METRICS}
 *       and {@code SHOW GLOBAL STATUS} over its own connection, after
 *       {@code SET GLOBAL innodb_monitor_enable='all'}), adds the workload's statement counter and
 *       the {@link io.flushdb.bench.timeseries.Derived} per-second rates of cumulative counters,
 *       and runs the scheduled SET GLOBAL changes ({@link io.flushdb.bench.timeseries.SetSchedule},
 *       {@code --set}) right after their second's sample.</li>
 *   <li>{@link io.flushdb.bench.timeseries.TimeSeries}: the rows; a figure the database does not
 *       report is absent, never zero. {@link io.flushdb.bench.timeseries.TimeSeriesCsv} writes
 *       them as CSV (row by row during the run) and reads them back ({@code --chart}).</li>
 *   <li>{@link io.flushdb.bench.timeseries.FlushingColumns}: what the flushing scenario samples
 *       and derives; {@link io.flushdb.bench.timeseries.FlushingChart} draws it (XChart, headless)
 *       as stacked panels on one time axis with the events marked;
 *       {@link io.flushdb.bench.timeseries.FlushingSummary} computes the figures printed at the
 *       end.</li>
 * </ul>
 *
 * <p>Everything here but the recorder's thread and the sampler's JDBC is pure code, unit-tested
 * without a database; the scenario itself runs only from the command line.
 */
package io.flushdb.bench.timeseries;
