package org.parley.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code parley.intake.*}: what one article intake may hold. */
@ConfigMapping(prefix = "parley.intake")
public interface IntakeSettings {

    /** The longest article text accepted, in characters (UTF-16 code units); longer ones are refused (INVALID). */
    @WithDefault("200000")
    int maxTextLength();

    /** The most proposals one intake keeps; the rest of a longer article is left out and the intake says so. */
    @WithDefault("1000")
    int maxProposals();

    /** Whether an accepted or discarded intake keeps the article's text (only its excerpts belong in the record). */
    @WithDefault("false")
    boolean keepClosedText();
}
