package io.livepush.capture.audio;

import io.livepush.capture.AudioFormat;
import java.util.List;

/**
 * Opens the capture stream a {@link Microphone} was built for, the first time choosing the backend
 * ({@link AudioBackend#AUTO}: Pulse when a server answers and knows the device, else ALSA), then
 * reopening the same backend and device on reconnects.
 */
final class DeviceOpener {
    private final String device;
    private final String pulseServer;
    private final AudioFormat format;
    private final int deviceRate;
    private final int fragmentMs;
    private AudioBackend backend;

    DeviceOpener(String device, AudioBackend backend, String pulseServer, AudioFormat format, int deviceRate, int fragmentMs) {
        this.device = device;
        this.backend = backend;
        this.pulseServer = pulseServer;
        this.format = format;
        this.deviceRate = deviceRate;
        this.fragmentMs = fragmentMs;
    }

    /** @return the backend in use ({@link AudioBackend#AUTO} until the first successful open) */
    AudioBackend backend() {
        return backend;
    }

    /**
     * @return an open stream
     * @throws IllegalArgumentException for an unknown device (listing those found) or a rate the device refuses
     * @throws AudioDeviceException when the device cannot be opened for another reason
     */
    CaptureStream open() throws AudioDeviceException {
        return switch (backend) {
            case PULSE -> openPulse(true);
            case ALSA -> openAlsa(true);
            case AUTO -> openAuto();
        };
    }

    private CaptureStream openAuto() throws AudioDeviceException {
        AudioDeviceException pulseFailure;
        try {
            CaptureStream s = openPulse(false);
            backend = AudioBackend.PULSE;
            return s;
        } catch (AudioDeviceException e) {
            pulseFailure = e;
        }
        try {
            CaptureStream s = openAlsa(false);
            backend = AudioBackend.ALSA;
            return s;
        } catch (NoSuchDeviceException e) {
            IllegalArgumentException unknown = unknownDevice();
            if (pulseFailure instanceof NoSuchDeviceException) {
                throw unknown;
            }
            throw new IllegalArgumentException(unknown.getMessage() + "; PulseAudio: " + pulseFailure.getMessage(), pulseFailure);
        } catch (AudioDeviceException e) {
            throw new AudioDeviceException("no backend could open '" + name() + "': " + pulseFailure.getMessage()
                    + "; " + e.getMessage(), e);
        }
    }

    private CaptureStream openPulse(boolean explain) throws AudioDeviceException {
        int rate = deviceRate > 0 ? deviceRate : format.sampleRate();
        try {
            return PulseCaptureStream.open(pulseServer, device, rate, format.channels(), rate * fragmentMs / 1000);
        } catch (NoSuchDeviceException e) {
            if (explain) {
                throw unknownDevice();
            }
            throw e;
        }
    }

    private CaptureStream openAlsa(boolean explain) throws AudioDeviceException {
        int rate = deviceRate > 0 ? deviceRate : format.sampleRate();
        try {
            return AlsaCaptureStream.open(device, new AudioFormat(rate, format.channels()), deviceRate > 0,
                    rate * fragmentMs / 1000);
        } catch (NoSuchDeviceException e) {
            if (explain) {
                throw unknownDevice();
            }
            throw e;
        }
    }

    private IllegalArgumentException unknownDevice() {
        List<AudioDevice> found = switch (backend) {
            case PULSE -> AudioDevices.pulse(pulseServer);
            case ALSA -> AudioDevices.alsa();
            case AUTO -> AudioDevices.list(pulseServer);
        };
        return new IllegalArgumentException("audio device '" + name() + "' was not found"
                + (backend == AudioBackend.AUTO ? "" : " by " + backend) + " (devices found: " + AudioDevices.names(found) + ")");
    }

    private String name() {
        return device == null ? "default" : device;
    }
}
