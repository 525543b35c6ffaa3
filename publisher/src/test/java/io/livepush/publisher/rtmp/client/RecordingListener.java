package io.livepush.publisher.rtmp.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** Records listener events and the threads they came on. */
final class RecordingListener implements RtmpClientListener {

    final List<String> transitions = new CopyOnWriteArrayList<>();
    final List<RtmpStatus> statuses = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void onStateChanged(RtmpPublishState oldState, RtmpPublishState newState) {
        threads.add(Thread.currentThread().getName());
        transitions.add(oldState + " => " + newState);
    }

    @Override
    public void onStatus(RtmpStatus status) {
        statuses.add(status);
    }

    @Override
    public void onError(Throwable error) {
        errors.add(error);
    }

    @Override
    public void onClosed() {
        closed.countDown();
    }
}
