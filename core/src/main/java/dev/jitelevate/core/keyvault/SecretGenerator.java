package dev.jitelevate.core.keyvault;

import dev.jitelevate.core.InvalidElevationRequestException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Generates secret values from a CSPRNG: a length and the character classes to draw from, each of which
 * appears at least once. Thread-safe. The values never pass through {@link #toString()}.
 */
public final class SecretGenerator {
  /** The shortest value a generator makes. */
  public static final int MIN_LENGTH = 12;
  /** The longest value a generator makes (Key Vault accepts up to 25 KB). */
  public static final int MAX_LENGTH = 4096;

  /** A class of characters. Symbols avoid quotes, backslashes and spaces, which break shells and JSON. */
  public enum CharacterClass {
    UPPER("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    LOWER("abcdefghijklmnopqrstuvwxyz"),
    DIGIT("0123456789"),
    SYMBOL("-_.~!@#%^*+=:,");

    private final String characters;

    CharacterClass(String characters) {
      this.characters = characters;
    }

    /** The characters of this class. */
    public String characters() {
      return characters;
    }
  }

  private final int length;
  private final Set<CharacterClass> classes;
  private final SecureRandom random;

  private SecretGenerator(int length, Set<CharacterClass> classes, SecureRandom random) {
    this.length = length;
    this.classes = Set.copyOf(classes);
    this.random = random;
  }

  /** 32 characters with upper case, lower case, digits and symbols. */
  public static SecretGenerator defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Returns a new value: one character of every class, the rest from all classes, shuffled. */
  public String generate() {
    List<CharacterClass> ordered = new ArrayList<>(EnumSet.copyOf(classes));
    StringBuilder all = new StringBuilder();
    char[] value = new char[length];
    for (int i = 0; i < ordered.size(); i++) {
      value[i] = pick(ordered.get(i).characters());
      all.append(ordered.get(i).characters());
    }
    for (int i = ordered.size(); i < length; i++) {
      value[i] = pick(all);
    }
    for (int i = length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      char swap = value[i];
      value[i] = value[j];
      value[j] = swap;
    }
    return new String(value);
  }

  /** The length of generated values. */
  public int length() {
    return length;
  }

  /** The classes every value contains. */
  public Set<CharacterClass> classes() {
    return classes;
  }

  private char pick(CharSequence characters) {
    return characters.charAt(random.nextInt(characters.length()));
  }

  @Override
  public String toString() {
    return "SecretGenerator[length=" + length + ", classes=" + EnumSet.copyOf(classes) + "]";
  }

  /** Configures a generator; defaults: length 32, all four classes, a new {@link SecureRandom}. */
  public static final class Builder {
    private int length = 32;
    private Set<CharacterClass> classes = EnumSet.allOf(CharacterClass.class);
    private SecureRandom random;

    private Builder() {}

    /** The number of characters, from {@link SecretGenerator#MIN_LENGTH} to {@link SecretGenerator#MAX_LENGTH}. */
    public Builder length(int value) {
      this.length = value;
      return this;
    }

    /** The classes to draw from; each appears at least once in every value. */
    public Builder classes(CharacterClass first, CharacterClass... more) {
      this.classes = EnumSet.of(first, more);
      return this;
    }

    /** The random source (tests pass a seeded one); must be a {@link SecureRandom}. */
    public Builder random(SecureRandom value) {
      this.random = Objects.requireNonNull(value, "random");
      return this;
    }

    /**
     * Builds the generator.
     *
     * @throws InvalidElevationRequestException when the length is outside {@link SecretGenerator#MIN_LENGTH} to {@link
     *     SecretGenerator#MAX_LENGTH}
     */
    public SecretGenerator build() {
      if (length < MIN_LENGTH || length > MAX_LENGTH) {
        throw new InvalidElevationRequestException("secret-length",
            "A generated secret must have " + MIN_LENGTH + " to " + MAX_LENGTH + " characters; " + length
                + " was asked for.", "Use e.g. 32.");
      }
      return new SecretGenerator(length, classes, random == null ? new SecureRandom() : random);
    }
  }
}
