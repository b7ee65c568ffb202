package io.flushdb.driver.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TablePrinterTest {

    @Test
    void drawsLikeTheMysqlClient() {
        String table = TablePrinter.render(List.of("id", "name", "price"),
                List.of(new String[] {"1", "apple", "0.50"}, new String[] {"12", null, "10.00"}),
                new boolean[] {true, false, true});
        assertEquals(String.join("\n",
                "+----+-------+-------+",
                "| id | name  | price |",
                "+----+-------+-------+",
                "|  1 | apple |  0.50 |",
                "| 12 | NULL  | 10.00 |",
                "+----+-------+-------+",
                ""), table);
    }

    @Test
    void headerWiderThanValuesAndWideCharacters() {
        String table = TablePrinter.render(List.of("COUNT(*)", "city"), List.of(new String[] {"3", "Zürich"}, new String[] {"10", "東京"}),
                new boolean[] {true, false});
        assertEquals(String.join("\n",
                "+----------+--------+",
                "| COUNT(*) | city   |",
                "+----------+--------+",
                "|        3 | Zürich |",
                "|       10 | 東京     |",
                "+----------+--------+",
                ""), table);
    }
}
