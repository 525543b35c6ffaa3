package io.livepush.cohost.server.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.stream.LiveStreamListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixEngineTest {
    private static MixEngine engine(int max) {
        return new MixEngine(MixerConfig.builder("rtmp://127.0.0.1:1/live/unused").maxParticipants(max)
                .outputOnStart(false).build(), new LiveStreamListener() { });
    }

    @Test
    void theHostIsPlacedFirstWhicheverJoinsFirst() {
        try (MixEngine e = engine(4)) {
            e.add("guest-1", false);
            e.add("host", true);
            e.add("guest-2", false);
            assertEquals(List.of("host", "guest-1", "guest-2"), e.participants());
            assertEquals("host", e.hostId());
            assertEquals(List.of("host", "guest-1", "guest-2"), e.regions().stream().map(Region::userId).toList());
        }
    }

    @Test
    void aParticipantWhoLeavesDropsOutOfTheLayout() {
        try (MixEngine e = engine(4)) {
            e.add("host", true);
            ParticipantFeed guest = e.add("guest", false);
            assertTrue(e.remove("guest"));
            assertEquals(List.of(new Region("host", 0, 0, 1280, 720, 0)), e.regions());
            assertNull(guest.latest(), "the feed let go of its picture");
            assertEquals(false, e.remove("guest"));
        }
    }

    @Test
    void aFullMixRefusesTheNextJoinAndKeepsItsParticipants() {
        try (MixEngine e = engine(2)) {
            e.add("host", true);
            e.add("a", false);
            IllegalStateException x = assertThrows(IllegalStateException.class, () -> e.add("b", false));
            assertTrue(x.getMessage().contains("at most 2"), x.getMessage());
            assertEquals(List.of("host", "a"), e.participants());
        }
    }

    @Test
    void aLayoutWithARegionOutsideTheCanvasIsRefusedAndTheCurrentOneStays() {
        try (MixEngine e = engine(4)) {
            e.add("host", true);
            List<Region> before = e.regions();
            Layout bad = Layout.explicit(List.of(new Region("host", 1200, 0, 200, 200, 0)));
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> e.setLayout(bad));
            assertTrue(x.getMessage().contains("1280x720"), x.getMessage());
            assertEquals(before, e.regions());
            e.setLayout(Layout.pictureInPicture());
            e.add("guest", false);
            assertEquals(320, e.regions().get(1).width(), "the new layout holds for later joins");
        }
    }
}
