package io.livepush.publisher.stream;

import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.audio.EncodedAudioFrame;
import java.util.List;

/**
 * One encoded unit waiting to be sent: a video access unit or an audio frame, with its decoding
 * time on the shared media clock. Immutable.
 *
 * @param video the access unit, or {@code null} for audio
 * @param audio the audio frame, or {@code null} for video
 * @param dtsUs decoding time in microseconds on the media clock
 * @param enqueuedNanos {@link System#nanoTime()} when it entered the send queue
 * @param seiPayloads the payloads sent through {@link LiveStream#sendSei} this access unit carries (to report
 *     them when the packet is dropped); empty for audio and for most video
 */
record MediaPacket(EncodedVideoFrame video, EncodedAudioFrame audio, long dtsUs, long enqueuedNanos,
        List<byte[]> seiPayloads) {
    static MediaPacket of(EncodedVideoFrame frame) {
        return of(frame, List.of());
    }

    static MediaPacket of(EncodedVideoFrame frame, List<byte[]> seiPayloads) {
        return new MediaPacket(frame, null, frame.dtsUs(), System.nanoTime(), seiPayloads);
    }

    static MediaPacket of(EncodedAudioFrame frame) {
        return new MediaPacket(null, frame, frame.ptsUs(), System.nanoTime(), List.of());
    }

    boolean isVideo() {
        return video != null;
    }

    boolean isKeyframe() {
        return video != null && video.keyframe();
    }

    /**
     * @return true for a non-key video frame no other frame refers to: its first slice has {@code nal_ref_idc} 0
     *     (ISO/IEC 14496-10 §7.4.1), so dropping it harms no other frame
     */
    boolean isDisposable() {
        if (video == null || video.keyframe()) {
            return false;
        }
        for (byte[] nal : video.nalUnits()) {
            int type = nal.length == 0 ? 0 : nal[0] & 0x1F;
            if (type == 1 || type == 5) {
                return (nal[0] & 0x60) == 0;
            }
        }
        return false;
    }

    int size() {
        return video != null ? video.payloadSize() : audio.data().length;
    }
}
