package org.staffpass.passport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.staffpass.testing.Property;

/** The hand-written full-date reader agrees with the pattern check plus {@code LocalDate.parse} it replaced. */
class ClaimsReaderDateTest {
    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");

    /** The former reading: the RFC 3339 full-date pattern, then the strict ISO parser. */
    private static Optional<LocalDate> reference(String text) {
        if (!DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Test
    void everyMonthAndDayFieldOfSomeYearsAgrees() {
        int accepted = 0;
        for (int year : new int[] {0, 1, 1900, 1999, 2000, 2023, 2024, 2100, 9999}) {
            for (int month = 0; month <= 19; month++) {
                for (int day = 0; day <= 39; day++) {
                    String text = String.format("%04d-%02d-%02d", year, month, day);
                    assertEquals(reference(text), ClaimsReader.fullDate(text), text);
                    accepted += ClaimsReader.fullDate(text).isPresent() ? 1 : 0;
                }
            }
        }
        // 9 years of 365 days, plus 29 February in 0, 2000 and 2024 (not 1900 or 2100).
        assertEquals(9 * 365 + 3, accepted);
    }

    @Test
    void oddTextAgrees() {
        for (String text : new String[] {"", "2024-01-0", "2024-01-011", "2024-1-01", "2024/01/01", "+2024-01-01",
                "-2024-01-01", "2024-01-01\n", " 2024-01-01", "2024-01-01Z", "２０２４-01-01", "2024-0a-01", "2024--1-01",
                "20240-1-01", "2024-01-1 ", "0000-00-00"}) {
            assertEquals(reference(text), ClaimsReader.fullDate(text), text);
        }
    }

    @Test
    void randomNearDatesAgree() {
        String alphabet = "0123456789-+ /:T\n٣";
        Property.forAll("full-date reading", Property.scaled(5_000), random -> {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02d",
                    random.nextInt(10_000), random.nextInt(14), random.nextInt(33)));
            int edits = random.nextInt(3);
            for (int i = 0; i < edits; i++) {
                int at = random.nextInt(text.length() + 1);
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, c);
                    case 1 -> { if (at < text.length()) text.setCharAt(at, c); }
                    default -> { if (at < text.length()) text.deleteCharAt(at); }
                }
            }
            return text.toString();
        }, text -> assertEquals(reference(text), ClaimsReader.fullDate(text), text));
    }
}
