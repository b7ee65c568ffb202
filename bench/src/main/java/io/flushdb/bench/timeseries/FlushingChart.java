package io.flushdb.bench.timeseries;

import static io.flushdb.bench.timeseries.FlushingColumns.ADAPTIVE_PER_S;
import static io.flushdb.bench.timeseries.FlushingColumns.ASYNC_AGE;
import static io.flushdb.bench.timeseries.FlushingColumns.BACKGROUND_PER_S;
import static io.flushdb.bench.timeseries.FlushingColumns.CHECKPOINT_AGE;
import static io.flushdb.bench.timeseries.FlushingColumns.LRU_FLUSH_PER_S;
import static io.flushdb.bench.timeseries.FlushingColumns.N_TO_FLUSH_REQUESTED;
import static io.flushdb.bench.timeseries.FlushingColumns.PAGES_DIRTY;
import static io.flushdb.bench.timeseries.FlushingColumns.PAGES_FLUSHED_PER_S;
import static io.flushdb.bench.timeseries.FlushingColumns.PAGES_FREE;
import static io.flushdb.bench.timeseries.FlushingColumns.PCT_FOR_DIRTY;
import static io.flushdb.bench.timeseries.FlushingColumns.PCT_FOR_LSN;
import static io.flushdb.bench.timeseries.FlushingColumns.SINGLE_PAGE_PER_S;
import static io.flushdb.bench.timeseries.FlushingColumns.STATEMENTS_PER_S;
import static io.flushdb.bench.timeseries.FlushingColumns.SYNC_AGE;
import static io.flushdb.bench.timeseries.FlushingColumns.SYNC_PER_S;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the flushing scenario's time series as one PNG: a title, then panels stacked on one time
 * axis (seconds since the start), each an XChart chart drawn at the same width and with the same
 * room for its y axis so that their plot areas line up, then the list of events.
 *
 * <ol>
 *   <li>checkpoint age (MiB), with the async and sync flush points as dashed lines;</li>
 *   <li>pages flushed per second by kind: adaptive, sync, background (idle), LRU batch,
 *       foreground single-page; every page written ({@code Innodb_buffer_pool_pages_flushed}) as
 *       a thin grey line and the adaptive recommendation ({@code buffer_flush_n_to_flush_requested})
 *       dashed;</li>
 *   <li>the same without LRU batch flushing and all pages, which under a random-update load
 *       outnumber the others many times, so that those can be read;</li>
 *   <li>dirty and free pages of the buffer pool;</li>
 *   <li>statements per second;</li>
 *   <li>the adaptive flushing percentages {@code pct_for_lsn} and {@code pct_for_dirty}.</li>
 * </ol>
 *
 * <p>Every event (a SET GLOBAL change) is a vertical line with its number and text on every
 * panel. A figure absent from the series is left out, and its panel's title says so; a panel
 * with nothing to draw says that instead. Runs headless: nothing is shown on a screen.
 */
public final class FlushingChart {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public static final int WIDTH = 1400;
    public static final int PANEL_HEIGHT = 290;
    static final int TITLE_HEIGHT = 44;
    static final int EVENT_LINE_HEIGHT = 18;
    static final int EVENTS_PADDING = 12;
    /** Room left of every panel's plot for the y axis (title and labels), before lining them up. */
    static final int Y_AXIS_WIDTH = 100;
    /** The plot areas' border, found in a drawn panel to line the panels up. */
    static final Color PLOT_BORDER = new Color(128, 128, 130);
    /** Rows of event labels above the data. */
    private static final int LABEL_ROWS = 3;
    /** The colour of event lines and labels, used by nothing else. */
    static final Color EVENT_COLOR = new Color(200, 0, 150);

    private static final double MIB = 1 << 20;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font EVENT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private static final BasicStroke SOLID = new BasicStroke(1.6f);
    private static final BasicStroke THIN = new BasicStroke(1.0f);
    private static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {8f, 5f}, 0f);

    /** One line of a panel: a column scaled by {@code factor}. */
    private record Line(String label, String column, double factor, Color color, BasicStroke stroke) {
    }

    /** One panel: its title, y axis title and lines. */
    private record Panel(String title, String yTitle, List<Line> lines) {
    }

    private static final List<Panel> PANELS = List.of(
            new Panel("Checkpoint age", "MiB", List.of(
                    new Line("checkpoint age", CHECKPOINT_AGE, 1 / MIB, new Color(31, 119, 180), SOLID),
                    new Line("async point", ASYNC_AGE, 1 / MIB, new Color(255, 127, 14), DASHED),
                    new Line("sync point", SYNC_AGE, 1 / MIB, new Color(214, 39, 40), DASHED))),
            new Panel("Pages flushed per second, by kind", "pages/s", List.of(
                    new Line("adaptive", ADAPTIVE_PER_S, 1, new Color(31, 119, 180), SOLID),
                    new Line("sync", SYNC_PER_S, 1, new Color(214, 39, 40), SOLID),
                    new Line("background (idle)", BACKGROUND_PER_S, 1, new Color(44, 160, 44), SOLID),
                    new Line("LRU batch", LRU_FLUSH_PER_S, 1, new Color(255, 127, 14), SOLID),
                    new Line("single-page (foreground)", SINGLE_PAGE_PER_S, 1, new Color(148, 103, 189), SOLID),
                    new Line("all pages written", PAGES_FLUSHED_PER_S, 1, new Color(150, 150, 150), THIN),
                    new Line("adaptive recommendation", N_TO_FLUSH_REQUESTED, 1, new Color(23, 190, 207), DASHED))),
            new Panel("Flush-list and single-page flushes per second (panel b without LRU batch and all pages)",
                    "pages/s", List.of(
                    new Line("adaptive", ADAPTIVE_PER_S, 1, new Color(31, 119, 180), SOLID),
                    new Line("sync", SYNC_PER_S, 1, new Color(214, 39, 40), SOLID),
                    new Line("background (idle)", BACKGROUND_PER_S, 1, new Color(44, 160, 44), SOLID),
                    new Line("single-page (foreground)", SINGLE_PAGE_PER_S, 1, new Color(148, 103, 189), SOLID),
                    new Line("adaptive recommendation", N_TO_FLUSH_REQUESTED, 1, new Color(23, 190, 207), DASHED))),
            new Panel("Buffer pool pages", "pages", List.of(
                    new Line("dirty", PAGES_DIRTY, 1, new Color(214, 39, 40), SOLID),
                    new Line("free", PAGES_FREE, 1, new Color(44, 160, 44), SOLID))),
            new Panel("Statements per second", "statements/s", List.of(
                    new Line("statements/s", STATEMENTS_PER_S, 1, new Color(31, 119, 180), SOLID))),
            new Panel("Adaptive flushing inputs", "% of io_capacity", List.of(
                    new Line("pct_for_lsn", PCT_FOR_LSN, 1, new Color(31, 119, 180), SOLID),
                    new Line("pct_for_dirty", PCT_FOR_DIRTY, 1, new Color(214, 39, 40), SOLID))));

    private FlushingChart() {
    }

    /** The number of stacked panels. */
    public static int panels() {
        return PANELS.size();
    }

    /** The image's height for a series with {@code events} events. */
    public static int height(int events) {
        return TITLE_HEIGHT + PANELS.size() * PANEL_HEIGHT + (events == 0 ? 0 : EVENTS_PADDING * 2 + events
                * EVENT_LINE_HEIGHT);
    }

    /** Draws {@code series} and writes it to {@code png}. */
    public static void write(TimeSeries series, String title, String subtitle, Path png) throws IOException {
        BufferedImage image = draw(series, title, subtitle);
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }

    /** The whole image, {@link #WIDTH} × {@link #height}. */
    public static BufferedImage draw(TimeSeries series, String title, String subtitle) {
        List<TimeSeries.Event> events = series.events();
        BufferedImage image = new BufferedImage(WIDTH, height(events.size()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(TITLE_FONT);
            g.drawString(title, 12, 20);
            if (subtitle != null && !subtitle.isEmpty()) {
                g.setFont(SUBTITLE_FONT);
                g.drawString(subtitle, 12, 37);
            }
            int y = TITLE_HEIGHT;
            for (BufferedImage panel : panels(series, events)) {
                g.drawImage(panel, 0, y, null);
                y += PANEL_HEIGHT;
            }
            if (!events.isEmpty()) {
                y += EVENTS_PADDING;
                g.setFont(EVENT_FONT);
                for (int i = 0; i < events.size(); i++) {
                    TimeSeries.Event e = events.get(i);
                    y += EVENT_LINE_HEIGHT;
                    g.setColor(EVENT_COLOR);
                    g.drawString(String.format(Locale.ROOT, "#%d  t=%d s", i + 1, e.second()), 12, y - 4);
                    g.setColor(Color.BLACK);
                    g.drawString("SET GLOBAL " + e.text(), 110, y - 4);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Every panel as an image. XChart gives the y axis a width that varies with its tick labels
     * by a few pixels even with a width hint, so the panels are drawn twice: once to find where
     * each plot area starts, then with each hint moved so that every plot starts where the
     * rightmost one did, which lines up the time axes.
     */
    private static List<BufferedImage> panels(TimeSeries series, List<TimeSeries.Event> events) {
        double xMax = Math.max(1, series.lastSecond());
        int[] left = new int[PANELS.size()];
        int target = -1;
        int right = -1;
        double estimate = (WIDTH - Y_AXIS_WIDTH - 40) / xMax;
        for (int i = 0; i < PANELS.size(); i++) {
            BufferedImage first = drawPanel(i, series, events, Y_AXIS_WIDTH, estimate);
            int[] plot = plotEdges(first);
            left[i] = plot == null ? -1 : plot[0];
            if (plot != null) {
                target = Math.max(target, plot[0]);
                right = right < 0 ? plot[1] : Math.min(right, plot[1]);
            }
        }
        double pixelsPerSecond = target < 0 || right <= target ? estimate : (right - target) / xMax;
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < PANELS.size(); i++) {
            int hint = left[i] < 0 ? Y_AXIS_WIDTH : Y_AXIS_WIDTH + target - left[i];
            images.add(drawPanel(i, series, events, hint, pixelsPerSecond));
        }
        return images;
    }

    /** The x of the plot area's left and right border at mid-height, or null for a panel without a plot. */
    static int[] plotEdges(BufferedImage panel) {
        int y = panel.getHeight() / 2;
        int color = PLOT_BORDER.getRGB();
        int left = -1;
        int right = -1;
        for (int x = 0; x < panel.getWidth(); x++) {
            if (panel.getRGB(x, y) == color) {
                if (left < 0) {
                    left = x;
                }
                right = x;
            }
        }
        return left < 0 || right <= left ? null : new int[] {left, right};
    }

    private static BufferedImage drawPanel(int index, TimeSeries series, List<TimeSeries.Event> events, int yAxisHint,
            double pixelsPerSecond) {
        Panel panel = PANELS.get(index);
        BufferedImage image = new BufferedImage(WIDTH, PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            List<Line> present = new ArrayList<>();
            List<String> absent = new ArrayList<>();
            for (Line line : panel.lines()) {
                if (series.present(line.column())) {
                    present.add(line);
                } else {
                    absent.add(line.label());
                }
            }
            String title = "(" + (char) ('a' + index) + ") " + panel.title() + (absent.isEmpty() ? ""
                    : "  [absent: " + String.join(", ", absent) + "]");
            if (present.isEmpty() || series.rows().isEmpty()) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, WIDTH, PANEL_HEIGHT);
                g.setColor(Color.DARK_GRAY);
                g.setFont(TITLE_FONT);
                g.drawString(title, 12, 24);
                g.setFont(SUBTITLE_FONT);
                g.drawString("nothing to draw: the database reported none of these figures", 12, 50);
                return image;
            }
            double xMax = Math.max(1, series.lastSecond());
            double yMax = 0;
            XYChart chart = new XYChart(WIDTH, PANEL_HEIGHT);
            chart.setTitle(title);
            chart.setXAxisTitle("seconds since start");
            chart.setYAxisTitle(panel.yTitle());
            style(chart);
            chart.getStyler().setYAxisLeftWidthHint(yAxisHint);
            chart.getStyler().setXAxisMin(0.0).setXAxisMax(xMax).setYAxisMin(0.0);
            double[] x = series.seconds();
            for (Line line : present) {
                double[] y = series.column(line.column());
                for (int i = 0; i < y.length; i++) {
                    y[i] *= line.factor();
                    if (!Double.isNaN(y[i])) {
                        yMax = Math.max(yMax, y[i]);
                    }
                }
                XYSeries s = chart.addSeries(line.label(), x, y);
                s.setLineColor(line.color());
                s.setLineStyle(line.stroke());
                s.setMarker(SeriesMarkers.NONE);
            }
            // Headroom above the data for the event labels.
            double top = yMax <= 0 ? 1 : yMax * (events.isEmpty() ? 1.08 : 1.32);
            chart.getStyler().setYAxisMax(top);
            addEvents(chart, events, xMax, top, pixelsPerSecond);
            chart.paint(g, WIDTH, PANEL_HEIGHT);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void style(XYChart chart) {
        Styler s = chart.getStyler();
        chart.getStyler().setChartBackgroundColor(Color.WHITE)
                .setPlotBackgroundColor(Color.WHITE)
                .setPlotBorderColor(PLOT_BORDER)
                .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13))
                .setChartTitleBoxVisible(false)
                .setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal)
                .setLegendBorderColor(Color.WHITE)
                .setLegendFont(LABEL_FONT)
                .setAnnotationLineColor(EVENT_COLOR)
                .setAnnotationLineStroke(new BasicStroke(2f))
                .setAnnotationTextFont(LABEL_FONT)
                .setAnnotationTextFontColor(EVENT_COLOR)
                .setAntiAlias(true);
        chart.getStyler().setAxisTickLabelsFont(LABEL_FONT)
                .setAxisTitleFont(LABEL_FONT)
                .setPlotGridLinesColor(new Color(225, 225, 225))
                .setXAxisMaxLabelCount(25)
                .setyAxisTickLabelsFormattingFunction(FlushingChart::tickLabel);
        s.setToolTipsEnabled(false);
    }

    /** 1,234; 0.5; 12.5k above 100,000 (so every panel's labels fit the same width). */
    static String tickLabel(double v) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if (Math.abs(v) >= 100_000) {
            return new DecimalFormat("#,##0.#", symbols).format(v / 1000) + "k";
        }
        return new DecimalFormat("#,##0.##", symbols).format(v);
    }

    /**
     * A vertical line per event, and its label right of the line's top (left of it if the label
     * would run off the plot). Labels go on up to {@value #LABEL_ROWS} rows, each on the first
     * row where it overlaps no label already there (the least crowded row if none is free), so
     * that close events stay legible.
     */
    private static void addEvents(XYChart chart, List<TimeSeries.Event> events, double xMax, double top,
            double pixelsPerSecond) {
        if (events.isEmpty()) {
            return;
        }
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        FontMetrics metrics = g.getFontMetrics(LABEL_FONT);
        g.dispose();
        double[] rowEnds = new double[LABEL_ROWS];
        Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < events.size(); i++) {
            TimeSeries.Event e = events.get(i);
            chart.addAnnotation(new AnnotationLine(e.second(), true, false));
            String label = "#" + (i + 1) + " " + shortText(e.text());
            double width = (metrics.stringWidth(label) + 8) / pixelsPerSecond;
            double from = e.second() + width > xMax ? e.second() - width : e.second();
            int row = 0;
            for (int r = 0; r < LABEL_ROWS; r++) {
                if (rowEnds[r] <= from) {
                    row = r;
                    break;
                }
                if (rowEnds[r] < rowEnds[row]) {
                    row = r;
                }
            }
            rowEnds[row] = from + width;
            // AnnotationText is centred on its x.
            double y = top * (0.955 - 0.07 * row);
            chart.addAnnotation(new AnnotationText(label, from + width / 2, y, false));
        }
    }

    /** The event text without {@code innodb_} prefixes, to keep labels short. */
    static String shortText(String text) {
        return text.replace("innodb_", "");
    }
}
