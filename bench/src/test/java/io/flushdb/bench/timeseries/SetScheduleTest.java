package io.flushdb.bench.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetScheduleTest {

    @Test
    void itemsWithoutASecondJoinThePreviousOne() {
        SetSchedule s = SetSchedule.parse("60:innodb_io_capacity=1000, innodb_io_capacity_max=4000,"
                + "100:INNODB_ADAPTIVE_FLUSHING=OFF");
        assertEquals(List.of(new SetSchedule.Change(60, "innodb_io_capacity", "1000"),
                new SetSchedule.Change(60, "innodb_io_capacity_max", "4000"),
                new SetSchedule.Change(100, "innodb_adaptive_flushing", "OFF")), s.changes());
        assertEquals("SET GLOBAL innodb_io_capacity = 1000", s.changes().get(0).statement());
        assertEquals(100, s.lastSecond());
        assertEquals(List.of("innodb_io_capacity", "innodb_io_capacity_max", "innodb_adaptive_flushing"), s.names());
        assertEquals("60:innodb_io_capacity=1000,innodb_io_capacity_max=4000,100:innodb_adaptive_flushing=OFF",
                s.text());
        assertEquals(s, SetSchedule.parse(s.text()));
    }

    @Test
    void sortsBySecondKeepingTheOrderWithinASecond() {
        SetSchedule s = SetSchedule.parse("30:b=2,10:a=1,c=0.001,30:d=-1");
        assertEquals(Map.of(10, List.of(new SetSchedule.Change(10, "a", "1"), new SetSchedule.Change(10, "c", "0.001")),
                30, List.of(new SetSchedule.Change(30, "b", "2"), new SetSchedule.Change(30, "d", "-1"))),
                s.bySecond());
        assertEquals(List.of(10, 30), List.copyOf(s.bySecond().keySet()));
    }

    @Test
    void noneIsEmpty() {
        assertEquals(List.of(), SetSchedule.parse("none").changes());
        assertEquals(-1, SetSchedule.NONE.lastSecond());
        assertEquals("none", SetSchedule.NONE.text());
    }

    @Test
    void theDefaultScalesToTheRunLength() {
        SetSchedule full = SetSchedule.parse(SetSchedule.DEFAULT);
        assertEquals(200, full.lastSecond());
        SetSchedule scaled = full.scaledTo(40, SetSchedule.DEFAULT_SECONDS);
        assertEquals(List.of(10, 17, 23, 28, 33), List.copyOf(scaled.bySecond().keySet()));
        assertEquals(full.changes().size(), scaled.changes().size());
    }

    @Test
    void rejectsBadItemsNamingThem() {
        assertMessage("the first item needs its second", "innodb_io_capacity=1000");
        assertMessage("'x' is not a whole number", "x:innodb_io_capacity=1000");
        assertMessage("must not be negative", "-5:innodb_io_capacity=1000");
        assertMessage("expected NAME=VALUE", "60:innodb_io_capacity");
        assertMessage("is not a variable name", "60:innodb-io=1");
        assertMessage("must be a number or a word", "60:innodb_io_capacity=1;DROP TABLE f");
        assertMessage("must be a number or a word", "60:innodb_io_capacity='1'");
        assertMessage("must be a number or a word", "60:innodb_io_capacity=");
        assertMessage("twice at second 60", "60:a=1,b=2,a=3");
        assertMessage("expected NAME=VALUE", "60:a=1,,b=2");
        assertMessage("needs SECOND:NAME=VALUE", " ");
    }

    private static void assertMessage(String expected, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SetSchedule.parse(value));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("--set"), e.getMessage());
    }
}
