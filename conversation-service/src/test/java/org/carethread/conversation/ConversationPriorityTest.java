package org.carethread.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.carethread.conversation.repository.Conversation;
import org.junit.jupiter.api.Test;

/** How priorities compare: what keeps an emergency on top while its conversation is in progress. */
class ConversationPriorityTest {

    @Test
    void theMoreUrgentPriorityWins() {
        assertEquals("critical", Conversation.higherPriority("critical", "normal"));
        assertEquals("critical", Conversation.higherPriority("low", "critical"));
        assertEquals("high", Conversation.higherPriority("high", "low"));
        assertEquals("normal", Conversation.higherPriority("low", null));
    }

    @Test
    void aMissingOrUnknownPriorityIsNormal() {
        assertEquals("normal", Conversation.priorityOf(null));
        assertEquals("normal", Conversation.priorityOf("urgent-ish"));
        assertEquals("low", Conversation.priorityOf("low"));
        assertEquals(0, Conversation.rankOf("critical"));
        assertEquals(3, Conversation.rankOf("low"));
    }
}
