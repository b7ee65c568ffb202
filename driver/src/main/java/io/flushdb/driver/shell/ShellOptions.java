package io.flushdb.driver.shell;

/**
 * The shell's command line: {@code [jdbc-url | datadir] [-e SQL | --execute=SQL] [--help]}.
 *
 * @param url     the JDBC URL to open
 * @param execute the statements of {@code -e}, or null to read standard input
 * @param help    whether to print usage and exit
 */
record ShellOptions(String url, String execute, boolean help) {
    static final String USAGE = String.join("\n",
            "Usage: java -jar flushdb.jar [jdbc-url | datadir] [-e \"SQL; ...\"] [--help]",
            "",
            "  jdbc-url         jdbc:flushdb:<datadir>[?name=value&...] or jdbc:flushdb:mem:<name>[?...]",
            "  datadir          a data directory, the same as jdbc:flushdb:<datadir>",
            "                   (default: " + Shell.DEFAULT_URL + ")",
            "  -e, --execute    run the ;-separated statements, print their output and exit",
            "                   (exit status 1 at the first error)",
            "  -?, -h, --help   print this help and exit",
            "",
            "Without -e, statements are read from standard input: interactively from a terminal,",
            "otherwise as a script that stops at the first error.");

    static final String HELP = String.join("\n",
            "End each SQL statement with ;. A statement may span several lines.",
            "  help, \\h, ?      this help",
            "  \\c               clear the statement being typed",
            "  quit, exit, \\q   leave the shell (so does end of input)");

    /** @throws IllegalArgumentException for an unknown option or a missing value */
    static ShellOptions parse(String[] args) {
        String url = null;
        String execute = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h") || a.equals("-?")) {
                help = true;
            } else if (a.equals("-e") || a.equals("--execute")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs an argument");
                }
                execute = args[++i];
            } else if (a.startsWith("--execute=")) {
                execute = a.substring("--execute=".length());
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new IllegalArgumentException("unknown option " + a);
            } else if (url == null) {
                url = a.startsWith("jdbc:") ? a : "jdbc:flushdb:" + a;
            } else {
                throw new IllegalArgumentException("more than one URL given: " + url + " and " + a);
            }
        }
        return new ShellOptions(url == null ? Shell.DEFAULT_URL : url, execute, help);
    }
}
