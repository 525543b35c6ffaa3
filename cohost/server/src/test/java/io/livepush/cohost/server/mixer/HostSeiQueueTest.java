package io.livepush.cohost.server.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.stamp.Stamp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostSeiQueueTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<byte[]> l) {
        return l.stream().map(x -> new String(x, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void aTaggedMessageWaitsForTheCanvasShowingThatHostFrame() {
        HostSeiQueue q = new HostSeiQueue();
        q.add(42, b("coupon"));
        assertEquals(List.of(), q.takeFor(new Stamp(40, 0)));
        assertEquals(List.of(), q.takeFor(new Stamp(41, 0)));
        assertEquals(List.of("coupon"), texts(q.takeFor(new Stamp(42, 0))));
        assertEquals(0, q.size());
    }

    @Test
    void aLostHostFrameSendsTheMessageOnTheNextLaterOne() {
        HostSeiQueue q = new HostSeiQueue();
        q.add(10, b("a"));
        q.add(11, b("b"));
        q.add(20, b("c"));
        assertEquals(List.of("a", "b"), texts(q.takeFor(new Stamp(12, 0))));
        assertEquals(List.of("c"), texts(q.takeFor(new Stamp(25, 0))));
    }

    @Test
    void untaggedMessagesAndUnstampedHostPicturesGoOnTheNextCanvas() {
        HostSeiQueue q = new HostSeiQueue();
        q.add(-1, b("now"));
        q.add(100, b("later"));
        assertEquals(List.of("now"), texts(q.takeFor(new Stamp(5, 0))));
        assertEquals(List.of("later"), texts(q.takeFor(null)));
    }

    @Test
    void badPayloadsAreRefusedNamingTheLength() {
        HostSeiQueue q = new HostSeiQueue();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.add(1, new byte[256]));
        assertTrue(e.getMessage().contains("256 bytes"));
        assertThrows(IllegalArgumentException.class, () -> q.add(1, new byte[0]));
        assertEquals(0, q.size());
    }

    @Test
    void aFullQueueDropsTheOldestAndCountsIt() {
        HostSeiQueue q = new HostSeiQueue();
        for (int i = 0; i <= HostSeiQueue.CAPACITY; i++) {
            q.add(1000 + i, b("m" + i));
        }
        assertEquals(HostSeiQueue.CAPACITY, q.size());
        assertEquals(1, q.dropped());
        assertEquals("m1", texts(q.takeFor(new Stamp(1001, 0))).get(0));
    }
}
