package io.flushdb.bench.timeseries;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlushingChartTest {

    private static final double MIB = 1 << 20;

    /**
     * A synthetic run: 30 seconds, the checkpoint age climbing towards the sync point and falling
     * after an event at 10 s, a second event at 20 s; single-page flushes and the LRU counters
     * absent, as on an engine that lacks them.
     */
    private static String syntheticCsv(boolean events) {
        TimeSeries s = new TimeSeries(TimeSeriesRecorder.columns(FlushingColumns.sampled(), FlushingColumns.DERIVED));
        for (int t = 0; t <= 30; t++) {
            Map<String, Double> v = new HashMap<>();
            v.put(TimeSeriesRecorder.ELAPSED, t + 0.001);
            v.put(TimeSeriesRecorder.STATEMENTS, 20_000.0 * t);
            v.put(FlushingColumns.CHECKPOINT_AGE, (t < 10 ? 0.6 * t : 6 - 0.2 * (t - 10)) * MIB);
            v.put(FlushingColumns.ASYNC_AGE, 5.6 * MIB);
            v.put(FlushingColumns.SYNC_AGE, 6.5 * MIB);
            v.put(FlushingColumns.PAGES_DIRTY, 600.0 + 10 * t);
            v.put(FlushingColumns.PAGES_FREE, 20.0);
            v.put(FlushingColumns.PCT_FOR_LSN, t < 10 ? 40.0 + 5 * t : 20.0);
            if (t > 0) {
                v.put(FlushingColumns.STATEMENTS_PER_S, t == 15 ? 0.0 : 20_000.0);
                v.put(FlushingColumns.ADAPTIVE_PER_S, t < 10 ? 100.0 : 900.0);
                v.put(FlushingColumns.SYNC_PER_S, t == 9 ? 500.0 : 0.0);
                v.put(FlushingColumns.PAGES_FLUSHED_PER_S, t < 10 ? 150.0 : 950.0);
            }
            String event = !events ? "" : t == 10 ? "innodb_io_capacity=1000, innodb_io_capacity_max=4000"
                    : t == 20 ? "innodb_adaptive_flushing=OFF" : "";
            s.add(new TimeSeries.Row(t, v, event));
        }
        return TimeSeriesCsv.text(s);
    }

    @Test
    void drawsAPngOfTheExpectedSizeFromACsv(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("flushing-test.csv");
        Files.writeString(csv, syntheticCsv(true));
        TimeSeries series = TimeSeriesCsv.read(csv);
        assertEquals(2, series.events().size());
        Path png = dir.resolve("flushing-test.png");
        FlushingChart.write(series, "test", "synthetic", png);

        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(bytes, 8));
        BufferedImage image;
        try (InputStream in = Files.newInputStream(png)) {
            image = ImageIO.read(in);
        }
        assertNotNull(image);
        assertEquals(FlushingChart.WIDTH, image.getWidth());
        assertEquals(FlushingChart.height(2), image.getHeight());
        assertTrue(FlushingChart.height(2) > FlushingChart.height(0));
    }

    /** Every panel carries the event lines: pixels of the event colour, used by nothing else. */
    @Test
    void marksTheEventsOnEveryPanel() {
        TimeSeries withEvents = TimeSeriesCsv.parse(syntheticCsv(true));
        TimeSeries without = TimeSeriesCsv.parse(syntheticCsv(false));
        BufferedImage marked = FlushingChart.draw(withEvents, "test", "");
        BufferedImage plain = FlushingChart.draw(without, "test", "");
        for (int p = 0; p < FlushingChart.panels(); p++) {
            int top = FlushingChart.TITLE_HEIGHT + p * FlushingChart.PANEL_HEIGHT;
            int withCount = eventPixels(marked, top, top + FlushingChart.PANEL_HEIGHT);
            assertTrue(withCount > FlushingChart.PANEL_HEIGHT, "panel " + p + ": " + withCount + " event pixels");
            assertEquals(0, eventPixels(plain, top, top + FlushingChart.PANEL_HEIGHT), "panel " + p);
        }
    }

    /** The plot areas start and end at the same x in every panel, give or take a pixel. */
    @Test
    void panelsShareTheTimeAxis() {
        BufferedImage image = FlushingChart.draw(TimeSeriesCsv.parse(syntheticCsv(true)), "test", "");
        int[] first = null;
        for (int p = 0; p < FlushingChart.panels(); p++) {
            int top = FlushingChart.TITLE_HEIGHT + p * FlushingChart.PANEL_HEIGHT;
            int[] edges = FlushingChart.plotEdges(image.getSubimage(0, top, image.getWidth(), FlushingChart.PANEL_HEIGHT));
            assertNotNull(edges, "panel " + p);
            if (first == null) {
                first = edges;
            }
            assertTrue(Math.abs(edges[0] - first[0]) <= 1 && Math.abs(edges[1] - first[1]) <= 1,
                    "panel " + p + ": plot from " + edges[0] + " to " + edges[1] + ", panel 0: " + first[0] + " to "
                            + first[1]);
        }
    }

    @Test
    void aPanelWithNothingToDrawSaysSo() {
        TimeSeries s = new TimeSeries(List.of(TimeSeriesRecorder.STATEMENTS, FlushingColumns.STATEMENTS_PER_S));
        s.add(new TimeSeries.Row(0, Map.of(TimeSeriesRecorder.STATEMENTS, 0.0), ""));
        s.add(new TimeSeries.Row(1, Map.of(TimeSeriesRecorder.STATEMENTS, 10.0, FlushingColumns.STATEMENTS_PER_S,
                10.0), "x=1"));
        BufferedImage image = FlushingChart.draw(s, "only statements", null);
        assertEquals(FlushingChart.height(1), image.getHeight());
    }

    @Test
    void tickLabelsStayShort() {
        assertEquals("1,234", FlushingChart.tickLabel(1234));
        assertEquals("0.5", FlushingChart.tickLabel(0.5));
        assertEquals("250k", FlushingChart.tickLabel(250_000));
        assertEquals("io_capacity=1000, io_capacity_max=4000",
                FlushingChart.shortText("innodb_io_capacity=1000, innodb_io_capacity_max=4000"));
    }

    private static int eventPixels(BufferedImage image, int fromY, int toY) {
        int color = FlushingChart.EVENT_COLOR.getRGB();
        int n = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == color) {
                    n++;
                }
            }
        }
        return n;
    }
}
