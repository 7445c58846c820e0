package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Only a few pictures are processed at once; an upload that cannot get a slot in time is refused as busy. */
class ImageSlotsTests {

    @Test
    void shouldRefuseWorkAsBusyWhileEverySlotIsTakenAndAcceptItOnceOneIsFree() throws Exception {
        ImageSlots slots = new ImageSlots(1, Duration.ofMillis(200));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> slots.run(() -> {
            started.countDown();
            await(finish);
            return "first";
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> slots.run(() -> "second")).isInstanceOfSatisfying(MediaRejectedException.class,
                e -> assertThat(e.messageKey()).isEqualTo(MediaRejectedException.IMAGE_BUSY));

        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(slots.run(() -> "third")).isEqualTo("third");
    }

    @Test
    void shouldFreeTheSlotWhenTheWorkFails() {
        ImageSlots slots = new ImageSlots(1, Duration.ofMillis(200));

        assertThatThrownBy(() -> slots.run(() -> {
            throw new MediaRejectedException(MediaRejectedException.IMAGE_CORRUPT);
        })).isInstanceOf(MediaRejectedException.class);

        assertThat(slots.run(() -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
