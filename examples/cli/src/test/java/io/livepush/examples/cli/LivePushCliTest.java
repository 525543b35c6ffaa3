package io.livepush.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The CLI's contract for usage and bad input: exit codes and one clear line that says what is allowed. */
class LivePushCliTest {
    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = LivePushCli.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        Run r = run("--help");
        assertEquals(0, r.code());
        for (String cmd : new String[] {"push", "serve", "demo", "bench", "devices"}) {
            assertTrue(r.out().contains(cmd), "usage lists " + cmd + ": " + r.out());
        }
    }

    @Test
    void pushHelpListsTheStreamOptions() {
        Run r = run("push", "--help");
        assertEquals(0, r.code());
        for (String opt : new String[] {"--video", "--audio", "--size", "--fps", "--video-bitrate", "--audio-bitrate",
                "--gop", "--encoder", "--sei-text", "--sei-hex", "--sei-every", "--sei-timestamps", "--record", "--duration"}) {
            assertTrue(r.out().contains(opt), "push usage lists " + opt);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "odd size          | push rtmp://127.0.0.1:1/live/k --size 641x360        | 641x360 is not allowed (expected even width and height, each 2..16384)",
        "zero size         | push rtmp://127.0.0.1:1/live/k --size 0x0            | 0x0 is not allowed",
        "size not WxH      | push rtmp://127.0.0.1:1/live/k --size big            | expected WxH",
        "zero fps          | push rtmp://127.0.0.1:1/live/k --fps 0               | frame rate 0.0 is not allowed (expected > 0 and <= 240)",
        "negative fps      | push rtmp://127.0.0.1:1/live/k --fps -5              | expected > 0 and <= 240",
        "unknown encoder   | push rtmp://127.0.0.1:1/live/k --encoder foo --duration 1s | unknown encoder 'foo' (expected auto",
        "http url          | push http://127.0.0.1/live/k                         | rtmp",
        "no key            | push rtmp://127.0.0.1/live                           | key",
        "sei too long      | push rtmp://127.0.0.1:1/live/k --sei-hex 00          | ",
        "bad sei hex       | push rtmp://127.0.0.1:1/live/k --sei-hex 0g          | expected an even number of hex digits",
        "bad duration      | push rtmp://127.0.0.1:1/live/k --duration soon       | expected e.g. 500ms, 10s, 2m, 1h",
        "unknown video     | push rtmp://127.0.0.1:1/live/k --video webcam        | expected test, file:PATH.y4m",
        "unknown audio     | push rtmp://127.0.0.1:1/live/k --audio kazoo         | expected tone, none",
        "bench bad frames  | bench encode --frames 0                              | --frames 0 is not allowed (expected 1..100000)",
        "unknown command   | frobnicate                                           | frobnicate",
    })
    void badInputGivesOneClearLineAndANonZeroExit(String name, String args, String expected) {
        if (name.equals("sei too long")) {
            args = "push rtmp://127.0.0.1:1/live/k --sei-text " + "x".repeat(256);
            expected = "SEI payload is 256 bytes (expected 1..255)";
        }
        Run r = run(args.trim().split("\\s+"));
        assertTrue(r.code() != 0, "exit code for " + name);
        assertTrue(r.err().contains(expected.trim()), name + ": stderr was: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aMalformedUrlNeverShowsTheKeyInTheError() {
        String key = "sk_live_0123456789abcdefSECRET";
        Run r = run("push", "rtmp://127.0.0.1:99999/live/" + key);
        assertTrue(r.code() != 0);
        assertFalse(r.err().contains(key), "key leaked: " + r.err());
        assertFalse(r.out().contains(key), "key leaked: " + r.out());
    }
}
