package org.carethread.ingestion.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmailTextTest {

    @Test
    void gmailAttributionEndsTheTextEvenWrappedOverTwoLines() {
        assertEquals("Friday works.", EmailText.withoutQuotedHistory("""
                Friday works.

                On Mon, 3 Nov 2026 at 10:02, North Clinic
                <north@carethread.local> wrote:
                > Your appointment is on Thursday.
                """));
    }

    @Test
    void quotedLinesGoWhereverTheyStand() {
        assertEquals("Yes, that one.\nThanks", EmailText.withoutQuotedHistory("""
                > Is it the blue inhaler?
                Yes, that one.
                >> earlier
                Thanks
                """));
    }

    @Test
    void outlookOriginalMessageAndHeaderBlocksEndTheText() {
        assertEquals("See you then.", EmailText.withoutQuotedHistory("""
                See you then.
                -----Original Message-----
                From: North Clinic
                Sent: Monday
                """));
        assertEquals("See you then.", EmailText.withoutQuotedHistory("""
                See you then.
                ________________________________
                From: North Clinic <north@carethread.local>
                Sent: Monday, November 3, 2026 10:02 AM
                To: Pat Doe
                Subject: Your appointment
                """));
        assertEquals("See you then.", EmailText.withoutQuotedHistory("""
                See you then.

                From: North Clinic <north@carethread.local>
                Date: Monday, November 3, 2026
                To: Pat Doe
                Subject: Your appointment
                """));
    }

    @Test
    void aLineThatMerelyStartsWithFromStays() {
        assertEquals("From: my new address, please.\nThanks", EmailText.withoutQuotedHistory("""
                From: my new address, please.
                Thanks
                """));
    }

    @Test
    void htmlKeepsItsWordsInBlocksAndDropsOutlookHistory() {
        assertEquals("Line one\nLine two\n\nParagraph", EmailText.fromHtml("""
                <div>Line one<br>Line two</div><p>Paragraph</p>
                <div id="divRplyFwdMsg">From: North Clinic</div><div>Old message</div>"""));
    }
}
