package io.livepush.capture.audio;

import io.livepush.capture.AudioFormat;
import io.livepush.capture.AudioFrame;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by {@link AlsaFileCaptureIT} in a JVM of its own, whose environment carries
 * {@code ALSA_CONFIG_PATH} from the start (libasound reads it when it first opens a PCM, and a
 * JVM cannot change its own environment). Prints one result line per mode; exit code 0 = done.
 *
 * <ul>
 * <li>{@code read PCM FRAMES RATE CHANNELS OUT}: the ALSA backend reads FRAMES sample frames into OUT.</li>
 * <li>{@code mic PCM}: a {@link Microphone} on the ALSA backend reads five frames.</li>
 * <li>{@code unknown NAME}: building a Microphone on NAME; prints the error message.</li>
 * <li>{@code list}: the ALSA devices found.</li>
 * </ul>
 */
public final class AlsaFileCaptureMain {
    private AlsaFileCaptureMain() {
    }

    /**
     * @param args a mode and its arguments, see the class comment
     * @throws Exception anything that fails ends the JVM with a non-zero exit code
     */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "read" -> {
                int frames = Integer.parseInt(args[2]);
                AudioFormat wanted = new AudioFormat(Integer.parseInt(args[3]), Integer.parseInt(args[4]));
                try (AlsaCaptureStream s = AlsaCaptureStream.open(args[1], wanted, true, 480);
                        OutputStream out = Files.newOutputStream(Path.of(args[5]))) {
                    short[] block = new short[480 * s.format().channels()];
                    ByteBuffer bytes = ByteBuffer.allocate(block.length * 2).order(ByteOrder.LITTLE_ENDIAN);
                    for (int done = 0; done < frames; done += 480) {
                        int n = Math.min(480, frames - done);
                        s.read(block, n);
                        bytes.clear();
                        for (int i = 0; i < n * s.format().channels(); i++) {
                            bytes.putShort(block[i]);
                        }
                        out.write(bytes.array(), 0, bytes.position());
                    }
                    System.out.println("format " + s.format().sampleRate() + " " + s.format().channels() + " xruns " + s.xruns());
                }
            }
            case "mic" -> {
                try (Microphone m = Microphone.builder().backend(AudioBackend.ALSA).device(args[1])
                        .format(new AudioFormat(48_000, 2)).build()) {
                    long nonZero = 0;
                    for (int i = 0; i < 5; i++) {
                        AudioFrame f = m.read();
                        for (short s : f.samples()) {
                            nonZero += s != 0 ? 1 : 0;
                        }
                    }
                    System.out.println("mic " + m.backend() + " " + m.device() + " nonzero " + nonZero);
                }
            }
            case "unknown" -> {
                try {
                    Microphone.builder().backend(AudioBackend.ALSA).device(args[1]).build().close();
                    System.out.println("opened");
                } catch (IllegalArgumentException e) {
                    System.out.println("error " + e.getMessage());
                }
            }
            case "list" -> System.out.println("devices " + AudioDevices.names(AudioDevices.alsa()));
            default -> throw new IllegalArgumentException("mode " + args[0] + " (expected read, mic, unknown, list)");
        }
    }
}
