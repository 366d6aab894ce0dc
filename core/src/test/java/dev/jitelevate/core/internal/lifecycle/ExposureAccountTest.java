package dev.jitelevate.core.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.Exposure;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.testing.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ExposureAccountTest {
  private static final Duration LIFETIME = Duration.ofMinutes(90);
  private final ManualTime clock = new ManualTime(Harness.START);
  private final IssuedTokens tokens = new IssuedTokens(clock);
  private final AtomicInteger serial = new AtomicInteger();

  /** A credential whose tokens expire {@code lifetime} after they are issued, each one different. */
  private CredentialSource issuing(Duration lifetime) {
    return () -> new TokenCredential() {
      @Override
      public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.just(new AccessToken("token-" + serial.incrementAndGet(),
            clock.instant().plus(lifetime).atOffset(ZoneOffset.UTC)));
      }
    };
  }

  private RecordBuilder activeFrom(Instant provisioned) {
    ElevationRequest request = Harness.brokerRequest().build();
    RecordBuilder record = new RecordBuilder(request, Harness.START, "none");
    record.at(Milestone.PROVISIONED, provisioned);
    record.exposure(new ExposureAccount(tokens, LIFETIME, Optional.empty()));
    return record;
  }

  private void obtainToken(CredentialSource identity) {
    tokens.watch(identity).newCredential().getTokenSync(new TokenRequestContext().addScopes("https://x/.default"));
  }

  @Test
  void accessMayPersistTheMaximumLifetimeAfterRevocationWhenNoLaterTokenWasIssued() {
    RecordBuilder record = activeFrom(Harness.START);
    clock.advance(Duration.ofMinutes(10));
    record.at(Milestone.REVOKED, clock.instant());
    record.revocation(ActivationRecord.RevocationStatus.REVOKED, null, null);

    Exposure exposure = record.build().exposure().orElseThrow();

    assertThat(exposure.tokensIssued()).isZero();
    assertThat(exposure.latestTokenExpiry()).isEmpty();
    assertThat(exposure.accessMayPersistUntil()).isEqualTo(clock.instant().plus(LIFETIME));
    assertThat(exposure.explanation()).contains("no access token").contains("1h30m");
  }

  @Test
  void aTokenThatOutlivesTheMaximumLifetimeSetsTheEnd() {
    RecordBuilder record = activeFrom(Harness.START);
    obtainToken(issuing(Duration.ofMinutes(120)));
    Instant exp = clock.instant().plus(Duration.ofMinutes(120));
    record.at(Milestone.REVOKED, clock.instant().plusSeconds(5));
    record.revocation(ActivationRecord.RevocationStatus.REVOKED, null, null);

    Exposure exposure = record.build().exposure().orElseThrow();

    assertThat(exposure.tokensIssued()).isEqualTo(1);
    assertThat(exposure.latestTokenExpiry()).contains(exp);
    assertThat(exposure.accessMayPersistUntil()).isEqualTo(exp);
  }

  @Test
  void tokensIssuedBeforeTheElevationWasActiveAreNotCounted() {
    obtainToken(issuing(Duration.ofMinutes(60)));
    clock.advance(Duration.ofMinutes(1));
    RecordBuilder record = activeFrom(clock.instant());
    obtainToken(issuing(Duration.ofMinutes(60)));
    record.at(Milestone.REVOKED, clock.instant());
    record.revocation(ActivationRecord.RevocationStatus.REVOKED, null, null);

    assertThat(record.build().exposure().orElseThrow().tokensIssued()).isEqualTo(1);
  }

  @Test
  void theSameTokenHandedOutTwiceCountsOnce() {
    AccessToken cached = new AccessToken("cached", Harness.START.plus(LIFETIME).atOffset(ZoneOffset.UTC));
    CredentialSource caching = () -> new TokenCredential() {
      @Override
      public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.just(cached);
      }
    };
    RecordBuilder record = activeFrom(Harness.START);
    obtainToken(caching);
    obtainToken(caching);
    record.at(Milestone.REVOKED, clock.instant());
    record.revocation(ActivationRecord.RevocationStatus.REVOKED, null, null);

    assertThat(record.build().exposure().orElseThrow().tokensIssued()).isEqualTo(1);
  }

  @Test
  void anElevationLeftToExpireIsExposedFromItsExpiry() {
    RecordBuilder record = activeFrom(Harness.START);
    Instant expiry = Harness.START.plus(Duration.ofMinutes(30));
    record.revocation(ActivationRecord.RevocationStatus.LEFT_TO_EXPIRE, expiry, "revoke: expire");

    Exposure exposure = record.build().exposure().orElseThrow();

    assertThat(exposure.accessMayPersistUntil()).isEqualTo(expiry.plus(LIFETIME));
    assertThat(exposure.explanation()).contains("active until " + expiry);
  }

  @Test
  void nothingCreatedOrPreExistingAccessHasNoExposureSection() {
    RecordBuilder record = activeFrom(Harness.START);
    record.revocation(ActivationRecord.RevocationStatus.NOT_CREATED, null, null);
    assertThat(record.build().exposure()).isEmpty();
    record.revocation(ActivationRecord.RevocationStatus.PRE_EXISTING, null, null);
    assertThat(record.build().exposure()).isEmpty();
  }

  @Test
  void aContinuedRecordAddsItsTokensToThoseOfTheProcessThatWroteIt() {
    Instant mainExp = Harness.START.plus(Duration.ofMinutes(200));
    RecordBuilder main = activeFrom(Harness.START);
    main.revocation(ActivationRecord.RevocationStatus.PENDING, Harness.START.plus(Duration.ofMinutes(30)), null);
    ActivationRecord sofar = main.build().withExposure(Optional.of(
        new Exposure(2, Optional.of(mainExp), LIFETIME, mainExp, "from the main step")));
    RecordBuilder post = new RecordBuilder(sofar);
    post.exposure(new ExposureAccount(tokens, LIFETIME, sofar.exposure()));
    post.at(Milestone.REVOKED, Harness.START.plus(Duration.ofMinutes(5)));
    post.revocation(ActivationRecord.RevocationStatus.REVOKED, null, null);

    Exposure exposure = post.build().exposure().orElseThrow();

    assertThat(exposure.tokensIssued()).isEqualTo(2);
    assertThat(exposure.accessMayPersistUntil()).isEqualTo(mainExp);
    assertThat(Harness.schemaErrors(post.build())).isEmpty();
  }
}
