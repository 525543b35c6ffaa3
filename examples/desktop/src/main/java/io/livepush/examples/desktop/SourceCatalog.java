package io.livepush.examples.desktop;

import io.livepush.capture.audio.AudioDevice;
import io.livepush.capture.audio.AudioDevices;
import io.livepush.capture.devices.CameraDevice;
import io.livepush.capture.devices.Devices;
import io.livepush.capture.devices.ScreenDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * What can be picked in the source lists, found through the SDK's device discovery: the test pattern,
 * V4L2 cameras and X displays ({@link Devices}), the test tone, no sound, and microphones
 * ({@link AudioDevices}, which may wait up to two seconds for a sound server). Call off the event
 * dispatch thread.
 */
public final class SourceCatalog {
    private SourceCatalog() {
    }

    /** @return the test pattern first, then cameras, then screens that open */
    public static List<VideoChoice> videoChoices() {
        List<VideoChoice> out = new ArrayList<>();
        out.add(VideoChoice.testPattern());
        for (CameraDevice c : Devices.cameras()) {
            out.add(new VideoChoice(VideoChoice.Kind.CAMERA, c.id(), "Camera: " + c.name() + " (" + c.id() + ")"));
        }
        for (ScreenDevice s : Devices.screens()) {
            if (s.width() > 0) {
                out.add(new VideoChoice(VideoChoice.Kind.SCREEN, s.display(),
                        "Screen " + s.display() + " (" + s.width() + "x" + s.height() + ")"));
            }
        }
        return out;
    }

    /** @return the test tone first, then no sound, then the microphones found */
    public static List<AudioChoice> audioChoices() {
        List<AudioChoice> out = new ArrayList<>();
        out.add(AudioChoice.tone());
        out.add(AudioChoice.none());
        for (AudioDevice d : AudioDevices.list()) {
            String label = d.description().isEmpty() ? d.name() : d.description();
            out.add(new AudioChoice(AudioChoice.Kind.MICROPHONE, d.name(), "Microphone: " + label));
        }
        return out;
    }
}
