package io.livepush.publisher.stream;

import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.audio.EncodedAudioFrame;

/**
 * One encoded unit waiting to be sent: a video access unit or an audio frame, with its decoding
 * time on the shared media clock. Immutable.
 *
 * @param video the access unit, or {@code null} for audio
 * @param audio the audio frame, or {@code null} for video
 * @param dtsUs decoding time in microseconds on the media clock
 * @param enqueuedNanos {@link System#nanoTime()} when it entered the send queue
 */
record MediaPacket(EncodedVideoFrame video, EncodedAudioFrame audio, long dtsUs, long enqueuedNanos) {
    static MediaPacket of(EncodedVideoFrame frame) {
        return new MediaPacket(frame, null, frame.dtsUs(), System.nanoTime());
    }

    static MediaPacket of(EncodedAudioFrame frame) {
        return new MediaPacket(null, frame, frame.ptsUs(), System.nanoTime());
    }

    boolean isVideo() {
        return video != null;
    }

    boolean isKeyframe() {
        return video != null && video.keyframe();
    }

    int size() {
        return video != null ? video.payloadSize() : audio.data().length;
    }
}
