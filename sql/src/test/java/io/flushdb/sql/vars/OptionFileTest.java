package io.flushdb.sql.vars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.io.MemoryFileStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionFileTest {
    @Test
    void readsMysqldGroupsWithMysqlSyntax() {
        String text = """
                # comment
                [client]
                user = someone
                unknown-client-option
                [mysqld]
                innodb-io-capacity = 400   # trailing comment
                innodb_buffer_pool_size=256M
                skip-innodb-adaptive-flushing
                time_zone = "+02:00"
                loose-innodb-no-such-thing = 1
                [server]
                innodb_lock_wait_timeout=7
                """;
        List<OptionFile.Option> options = OptionFile.parse(text, "flushdb.cnf");
        assertEquals(List.of(
                new OptionFile.Option("innodb_io_capacity", "400", false, 6),
                new OptionFile.Option("innodb_buffer_pool_size", "256M", false, 7),
                new OptionFile.Option("innodb_adaptive_flushing", "OFF", false, 8),
                new OptionFile.Option("time_zone", "+02:00", false, 9),
                new OptionFile.Option("innodb_no_such_thing", "1", true, 10),
                new OptionFile.Option("innodb_lock_wait_timeout", "7", false, 12)), options);
    }

    @Test
    void startupValuesFollowPrecedenceUrlOverPersistedOverFile() {
        MemoryFileStore store = new MemoryFileStore("opts-" + System.nanoTime());
        OptionFile.write(store, StartupVariables.OPTION_FILE,
                "[mysqld]\ninnodb-io-capacity=300\ninnodb_old_blocks_pct=20\ninnodb_flush_neighbors=1\n");
        OptionFile.write(store, StartupVariables.PERSISTED_FILE,
                "[mysqld]\ninnodb_io_capacity=500\ninnodb_flush_neighbors=2\n");
        StartupVariables s = StartupVariables.resolve(store, Map.of("innodb_flush_neighbors", "0"));
        assertEquals(500L, s.values().get(SystemVariables.INNODB_IO_CAPACITY), "persisted over file");
        assertEquals(20L, s.values().get(SystemVariables.INNODB_OLD_BLOCKS_PCT), "file over default");
        assertEquals(0L, s.values().get(SystemVariables.INNODB_FLUSH_NEIGHBORS), "URL over persisted");
        assertEquals(null, s.values().get(SystemVariables.INNODB_IO_CAPACITY_MAX), "default: not given");
    }

    @Test
    void unknownNamesAndBadValuesAreErrorsNamingTheirSource() {
        MemoryFileStore store = new MemoryFileStore("opts-" + System.nanoTime());
        OptionFile.write(store, StartupVariables.OPTION_FILE, "[mysqld]\n\ninnodb_io_capacty=300\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StartupVariables.resolve(store, Map.of()));
        assertEquals("flushdb.cnf line 3: unknown variable 'innodb_io_capacty'", e.getMessage());

        OptionFile.write(store, StartupVariables.OPTION_FILE, "[mysqld]\ninnodb_io_capacity=lots\n");
        e = assertThrows(IllegalArgumentException.class, () -> StartupVariables.resolve(store, Map.of()));
        assertTrue(e.getMessage().startsWith("flushdb.cnf line 2: Invalid value 'lots' for innodb_io_capacity"),
                e.getMessage());

        OptionFile.write(store, StartupVariables.OPTION_FILE, "[mysqld]\ninnodb_io_capacity=50\n");
        e = assertThrows(IllegalArgumentException.class, () -> StartupVariables.resolve(store, Map.of()));
        assertTrue(e.getMessage().contains("a value in 100 .."), e.getMessage());

        OptionFile.write(store, StartupVariables.OPTION_FILE, "[mysqld]\n");
        e = assertThrows(IllegalArgumentException.class,
                () -> StartupVariables.resolve(store, Map.of("version", "9")));
        assertTrue(e.getMessage().contains("cannot be set at startup"), e.getMessage());
    }

    @Test
    void writtenLinesReadBack() {
        String line = OptionFile.line("init_connect", "SET @a = 'x' # y");
        assertEquals(List.of(new OptionFile.Option("init_connect", "SET @a = 'x' # y", false, 2)),
                OptionFile.parse("[mysqld]\n" + line + "\n", "t"));
    }
}
