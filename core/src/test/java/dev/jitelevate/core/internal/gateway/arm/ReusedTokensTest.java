package dev.jitelevate.core.internal.gateway.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;

/** Lookups made at the same time (the resolve step's) share one sign-in per identity and scope. */
@Timeout(10)
class ReusedTokensTest {
  private final AtomicInteger asked = new AtomicInteger();
  private final CountDownLatch signingIn = new CountDownLatch(1);
  private final CountDownLatch answer = new CountDownLatch(1);
  private volatile RuntimeException refusal;
  private final TokenCredential slow = new TokenCredential() {
    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
      return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
      int n = asked.incrementAndGet();
      signingIn.countDown();
      try {
        answer.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      if (refusal != null) {
        throw refusal;
      }
      return new AccessToken("token-" + n, OffsetDateTime.now().plusHours(1));
    }
  };
  private final ReusedTokens reused = new ReusedTokens(slow, "tenant-a");

  private static TokenRequestContext arm() {
    return new TokenRequestContext().addScopes("arm/.default");
  }

  @Test
  void aSecondCallerWaitsForTheSignInUnderWayInsteadOfSigningInAgain() throws Exception {
    CompletableFuture<AccessToken> first = CompletableFuture.supplyAsync(() -> reused.getTokenSync(arm()));
    assertThat(signingIn.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<AccessToken> second = CompletableFuture.supplyAsync(() -> reused.getToken(arm()).block());
    CompletableFuture<AccessToken> third = CompletableFuture.supplyAsync(() -> reused.getTokenSync(arm()));
    answer.countDown();

    assertThat(first.get().getToken()).isEqualTo("token-1");
    assertThat(second.get().getToken()).isEqualTo("token-1");
    assertThat(third.get().getToken()).isEqualTo("token-1");
    assertThat(asked).hasValue(1);
  }

  @Test
  void anAsynchronousSignInUnderWayIsSharedWithASynchronousCaller() throws Exception {
    CompletableFuture<AccessToken> first = CompletableFuture.supplyAsync(() -> reused.getToken(arm()).block());
    assertThat(signingIn.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<AccessToken> second = CompletableFuture.supplyAsync(() -> reused.getTokenSync(arm()));
    answer.countDown();

    assertThat(second.get().getToken()).isEqualTo(first.get().getToken());
    assertThat(asked).hasValue(1);
  }

  @Test
  void aFailedSignInFailsItsWaitersAndTheNextCallerSignsInAgain() throws Exception {
    refusal = new IllegalStateException("AADSTS700016: application not found");
    CompletableFuture<AccessToken> first = CompletableFuture.supplyAsync(() -> reused.getTokenSync(arm()));
    assertThat(signingIn.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<AccessToken> second = CompletableFuture.supplyAsync(() -> reused.getTokenSync(arm()));
    answer.countDown();

    assertThatThrownBy(first::join).hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("AADSTS700016");
    assertThatThrownBy(second::join).hasMessageContaining("AADSTS700016");
    refusal = null;
    assertThat(reused.getTokenSync(arm()).getToken()).startsWith("token-");
  }
}
