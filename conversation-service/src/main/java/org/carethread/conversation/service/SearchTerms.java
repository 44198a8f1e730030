package org.carethread.conversation.service;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.Message;
import org.carethread.conversation.repository.MessageTerm;
import org.carethread.schemas.crypto.BlindIndex;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * The words of messages as search sees them: lower case, accents stripped, split on anything but letters and digits,
 * single letters left out. Stored only as keyed blind indexes (purpose {@value #PURPOSE}), one per distinct word of a
 * message, so "Café" in a text is found by "cafe" and no word is ever written down in clear. Every writer of messages
 * and the search itself go through here, so a message and a query are always normalised the same way.
 */
@ApplicationScoped
public class SearchTerms {
    /** Shortest word indexed and searched; single letters would match nearly every conversation. */
    public static final int MIN_WORD_LENGTH = 2;
    /** Longest word indexed and searched: longer tokens are links or codes, not words anyone searches for. */
    public static final int MAX_WORD_LENGTH = 50;
    static final String PURPOSE = "term";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final BlindIndex index;

    public SearchTerms(BlindIndex index) {
        this.index = index;
    }

    /** The distinct normalised words of a text of at least {@value #MIN_WORD_LENGTH} characters, in order. */
    public static Set<String> words(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        for (String token : SEPARATORS.split(plain)) {
            if (token.codePointCount(0, token.length()) >= MIN_WORD_LENGTH) {
                words.add(token);
            }
        }
        return words;
    }

    /** Whether search keeps a word: longer ones are neither indexed nor searchable. */
    public static boolean indexable(String word) {
        return word.codePointCount(0, word.length()) <= MAX_WORD_LENGTH;
    }

    /** The blind indexes of normalised words, as message_term holds them. */
    List<String> termsOf(Collection<String> words) {
        return words.stream().map(word -> index.of(PURPOSE, word)).toList();
    }

    /** Stores a new message and the terms of its words, in the caller's transaction. */
    Uni<Void> persistWithTerms(Mutiny.Session session, Message message, String text) {
        message.termsIndexed = true;
        return session.persist(message).chain(() -> persistTerms(session, message, text));
    }

    /** Adds the terms of a message stored before search existed, and marks it indexed, in the caller's transaction. */
    Uni<Void> addTerms(Mutiny.Session session, Message message, String text) {
        message.termsIndexed = true;
        return persistTerms(session, message, text);
    }

    private Uni<Void> persistTerms(Mutiny.Session session, Message message, String text) {
        Object[] terms = termsOf(words(text).stream().filter(SearchTerms::indexable).toList()).stream()
                .map(term -> {
                    MessageTerm row = new MessageTerm();
                    row.messageId = message.id;
                    row.conversationId = message.conversationId;
                    row.term = term;
                    return row;
                }).toArray();
        return terms.length == 0 ? Uni.createFrom().voidItem() : session.persistAll(terms);
    }
}
