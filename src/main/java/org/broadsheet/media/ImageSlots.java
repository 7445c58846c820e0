package org.broadsheet.media;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets only a few pictures be decoded and scaled at once: each takes tens of megabytes of memory while it is
 * worked on (a narrow, very tall one, which is not subsampled, a few hundred), so that many large uploads at the
 * same moment could exhaust the heap. An upload that finds every slot taken for too long is refused as busy (the
 * editor can simply send it again) rather than left waiting.
 */
final class ImageSlots {

    /** At most this many pictures in work at once. */
    static final int SLOTS = 2;
    /** How long an upload waits for a slot: a large picture takes a second or two. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private final Semaphore slots;
    private final Duration wait;

    ImageSlots(int slots, Duration wait) {
        this.slots = new Semaphore(slots, true);
        this.wait = wait;
    }

    /**
     * Runs the work in a slot.
     *
     * @throws MediaRejectedException ({@link MediaRejectedException#IMAGE_BUSY}) when no slot came free in time
     */
    <T> T run(Supplier<T> work) {
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new MediaRejectedException(MediaRejectedException.IMAGE_BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaRejectedException(MediaRejectedException.IMAGE_BUSY);
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
