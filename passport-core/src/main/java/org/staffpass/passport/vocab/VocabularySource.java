package org.staffpass.passport.vocab;

import java.util.Objects;

/**
 * A document a vocabulary file takes its entries from. Immutable.
 *
 * @param title       the document's title
 * @param publisher   who published it
 * @param date        when (as the publisher dates it: a year, a range or an ISO date)
 * @param unconfirmed whether what the vocabulary takes from it is UNCONFIRMED
 * @since 0.1
 */
public record VocabularySource(String title, String publisher, String date, boolean unconfirmed) {
    public VocabularySource {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(date, "date");
    }
}
