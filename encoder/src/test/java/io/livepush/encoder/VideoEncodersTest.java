package io.livepush.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VideoEncodersTest {
    private static final VideoEncoderConfig CONFIG = VideoEncoderConfig.builder().size(64, 48).build();

    private static VideoEncoders registry() {
        return VideoEncoders.of(List.of(
                FakeH264Provider.available("java-fake", 10),
                FakeH264Provider.unavailable("x264-fake", 200, "libx264 not found: apt-get install libx264-164"),
                FakeH264Provider.available("openh264-fake", 100)));
    }

    @Test
    void autoPicksTheAvailableProviderWithTheHighestPreferenceAndSaysWhy() {
        try (PinnedGopVideoEncoder enc = registry().open("auto", CONFIG)) {
            assertEquals("openh264-fake", enc.name());
        }
        assertEquals("auto chose openh264-fake (preference 100; x264-fake: libx264 not found: apt-get install "
                + "libx264-164; java-fake: available, preference 10)", VideoEncoders.lastSelectionReport());
    }

    @Test
    void selectExplainsWithoutOpening() {
        FakeH264Provider openh264 = FakeH264Provider.available("openh264-fake", 100);
        VideoEncoderSelection s = VideoEncoders.of(List.of(openh264)).select("AUTO");
        assertEquals("openh264-fake", s.name());
        assertEquals("auto chose openh264-fake (preference 100)", s.report());
        assertEquals(0, openh264.openedCount());
    }

    @Test
    void namesAreCaseInsensitive() {
        try (PinnedGopVideoEncoder enc = registry().open("Java-FAKE", CONFIG)) {
            assertEquals("java-fake", enc.name());
        }
        assertEquals("java-fake chosen by name", VideoEncoders.lastSelectionReport());
        try (PinnedGopVideoEncoder enc = registry().open(" Auto ", CONFIG)) {
            assertEquals("openh264-fake", enc.name());
        }
    }

    @Test
    void unknownNameIsRejectedListingTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry().open("foo", CONFIG));
        assertEquals("unknown encoder 'foo' (expected auto, java-fake, openh264-fake, x264-fake)", e.getMessage());
    }

    @Test
    void blankNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> registry().open(" ", CONFIG));
        assertThrows(IllegalArgumentException.class, () -> registry().open(null, CONFIG));
    }

    @Test
    void unavailableBackendByNameSaysWhatToInstall() {
        EncoderUnavailableException e = assertThrows(EncoderUnavailableException.class,
                () -> registry().open("x264-fake", CONFIG));
        assertEquals("encoder x264-fake cannot run here: libx264 not found: apt-get install libx264-164", e.getMessage());
    }

    @Test
    void noAvailableBackendNamesWhatToInstallForEachProvider() {
        VideoEncoders none = VideoEncoders.of(List.of(
                FakeH264Provider.unavailable("a", 2, "liba not found: apt-get install liba1"),
                FakeH264Provider.unavailable("b", 1, "libb not found: apt-get install libb2")));
        EncoderUnavailableException e = assertThrows(EncoderUnavailableException.class, () -> none.open("auto", CONFIG));
        assertEquals("no H.264 encoder can run here: a: liba not found: apt-get install liba1; "
                + "b: libb not found: apt-get install libb2", e.getMessage());
    }

    @Test
    void emptyProviderListSaysNoBackendIsOnTheClassPath() {
        EncoderUnavailableException e = assertThrows(EncoderUnavailableException.class,
                () -> VideoEncoders.of(List.of()).open("auto", CONFIG));
        assertTrue(e.getMessage().startsWith("no H.264 encoder backend is on the class path"), e.getMessage());
    }

    @Test
    void autoFallsBackWhenTheBestBackendFailsToOpen() {
        FakeH264Provider broken = new FakeH264Provider("broken", 500, null, c -> {
            throw new EncoderUnavailableException("symbol WelsCreateSVCEncoder missing");
        });
        VideoEncoders r = VideoEncoders.of(List.of(broken, FakeH264Provider.available("good", 1)));
        try (PinnedGopVideoEncoder enc = r.open("auto", CONFIG)) {
            assertEquals("good", enc.name());
        }
        assertEquals("auto chose good (preference 1; broken: failed to open: symbol WelsCreateSVCEncoder missing)",
                VideoEncoders.lastSelectionReport());
    }

    @Test
    void statusesListEveryProviderBestFirst() {
        assertEquals(List.of("x264-fake (libx264 not found: apt-get install libx264-164)",
                "openh264-fake (available, preference 100)", "java-fake (available, preference 10)"),
                registry().statuses().stream().map(VideoEncoderStatus::toString).toList());
        assertEquals(List.of("auto", "java-fake", "openh264-fake", "x264-fake"), registry().names());
    }

    @Test
    void aProviderNamedAutoIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> VideoEncoders.of(List.of(FakeH264Provider.available("Auto", 1))));
    }

    @Test
    void installedRegistryNeverOffersTheTestFakes() {
        assertTrue(VideoEncoders.installed().names().stream().noneMatch(n -> n.contains("fake")));
    }
}
