"""A node that fails to start is explained in one line taken from its log: pure."""

from devtools.elasticsearch.nodes import failure_reason

EARLIER_RUN = """
--- 2026-12-01 10:00:00 starting node 1
[2026-12-01T10:00:05,413][INFO ][o.e.b.Elasticsearch      ] [node-1] version[8.19.21]
[2026-12-01T10:00:09,100][WARN ][o.e.d.Handshaking] [node-1] failed to connect
java.lang.OutOfMemoryError: Java heap space
"""


def test_a_launcher_that_cannot_be_loaded_says_so():
    log = EARLIER_RUN + (
        "\n--- 2026-12-01 11:00:00 starting node 1\n"
        "Error: Could not find or load main class org.elasticsearch.launcher.CliToolLauncher\n"
        "Caused by: java.lang.ClassNotFoundException: org.elasticsearch.launcher.CliToolLauncher\n"
    )

    assert failure_reason(log) == (
        "Error: Could not find or load main class org.elasticsearch.launcher.CliToolLauncher"
    )


def test_a_fatal_exception_is_told_by_the_exception_not_by_the_closing_words():
    log = (
        "--- 2026-12-01 11:00:00 starting node 1\n"
        "[2026-12-01T11:00:05,413][INFO ][o.e.b.Elasticsearch      ] [node-1] version[8.19.21]\n"
        "[2026-12-01T11:00:09,100][WARN ][o.e.c.c.Coordinator      ] [node-1] failed to join\n"
        "[2026-12-01T21:00:31,483][ERROR][o.e.b.Elasticsearch      ] [node-1] fatal exception "
        "while booting Elasticsearchorg.elasticsearch.transport.BindTransportException: "
        "Failed to bind to 127.0.0.1:9621\n"
        "\tat org.elasticsearch.server@8.19.21/org.elasticsearch.transport.TcpTransport"
        ".bindToPort(TcpTransport.java:513)\n"
        "Caused by: java.net.BindException: Address already in use\n"
        "[2026-12-01T21:00:31,697][INFO ][o.e.n.Node               ] [node-1] closed\n"
        "\n"
        "ERROR: Elasticsearch died while starting up, with exit code 1\n"
    )

    assert failure_reason(log) == (
        "org.elasticsearch.transport.BindTransportException: Failed to bind to 127.0.0.1:9621"
    )


def test_an_exception_on_the_line_after_the_fatal_one_is_found_too():
    log = (
        "--- 2026-12-01 11:00:00 starting node 1\n"
        "[2026-12-01T11:00:09,688][ERROR][o.e.b.Elasticsearch      ] [node-1] fatal exception "
        "while booting Elasticsearch\n"
        "java.lang.IllegalStateException: failed to obtain node locks, tried [/x/data]\n"
        "\tat org.elasticsearch.env.NodeEnvironment.<init>(NodeEnvironment.java:298)\n"
        "ERROR: Elasticsearch did not exit normally - check the logs at /x/logs/bro.log\n"
        "ERROR: Elasticsearch exited unexpectedly, with exit code 1\n"
    )

    assert failure_reason(log) == (
        "java.lang.IllegalStateException: failed to obtain node locks, tried [/x/data]"
    )


def test_the_lines_under_a_wrapping_exception_are_kept_on_the_same_line():
    log = (
        "--- 2026-12-01 11:00:00 starting node 1\n"
        "java.lang.RuntimeException: starting java failed with [1]\n"
        "output:\n"
        "Error occurred during initialization of VM\n"
        "Initial heap size set to a larger value than the maximum heap size\n"
        "error:\n"
        "\n"
        "\tat org.elasticsearch.server.cli.JvmOption.flagsFinal(JvmOption.java:125)\n"
    )

    assert failure_reason(log) == (
        "java.lang.RuntimeException: starting java failed with [1]; Error occurred during "
        "initialization of VM; Initial heap size set to a larger value than the maximum heap size"
    )
