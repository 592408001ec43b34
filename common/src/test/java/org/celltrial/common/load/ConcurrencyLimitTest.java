package org.celltrial.common.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.celltrial.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

class ConcurrencyLimitTest {

    private final ConcurrencyLimit limit = new ConcurrencyLimit(2, "study summaries");

    @Test
    void twoRunAtOnceTheThirdIsA503AndAFinishedRunMakesRoom() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        UniAssertSubscriber<String> one = subscribe(first);
        UniAssertSubscriber<String> two = subscribe(second);
        assertEquals(2, limit.running());

        UniAssertSubscriber<String> three = subscribe(new CompletableFuture<>());
        ProblemException busy = assertInstanceOf(ProblemException.class, three.assertFailed().getFailure());
        assertEquals(503, busy.problem().status());
        assertTrue(busy.problem().detail().contains("study summaries"), busy.problem().detail());
        assertEquals(2, limit.running());

        first.complete("done");
        one.assertItem("done");
        assertEquals(1, limit.running());
        UniAssertSubscriber<String> four = subscribe(new CompletableFuture<>());
        assertEquals(2, limit.running());

        second.completeExceptionally(new IllegalStateException("failed"));
        two.assertFailedWith(IllegalStateException.class);
        four.cancel();
        assertEquals(0, limit.running(), "a failed and a cancelled run give their places back");
    }

    @Test
    void workThatThrowsBeforeItsUniGivesItsPlaceBack() {
        UniAssertSubscriber<String> failed = limit.<String>run(() -> {
            throw new IllegalStateException("no Uni");
        }).subscribe().withSubscriber(UniAssertSubscriber.create());
        failed.assertFailedWith(IllegalStateException.class);
        assertEquals(0, limit.running());
    }

    @Test
    void atLeastOneRunAtATime() {
        assertThrows(IllegalArgumentException.class, () -> new ConcurrencyLimit(0, "reports"));
    }

    private UniAssertSubscriber<String> subscribe(CompletableFuture<String> result) {
        return limit.run(() -> Uni.createFrom().completionStage(result))
                .subscribe().withSubscriber(UniAssertSubscriber.create());
    }
}
