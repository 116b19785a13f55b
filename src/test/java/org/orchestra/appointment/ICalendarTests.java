package org.orchestra.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** iCalendar output read back line by line: CRLF, folding at 75 octets, escaping. */
class ICalendarTests {

	/** Splits on CRLF (failing on a bare LF or CR) and unfolds continuation lines. */
	static List<String> unfold(String ics) {
		assertThat(ics).endsWith("\r\n");
		String[] physical = ics.substring(0, ics.length() - 2).split("\r\n", -1);
		List<String> lines = new ArrayList<>();
		for (String line : physical) {
			assertThat(line).doesNotContain("\n").doesNotContain("\r");
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of %s", line).isLessThanOrEqualTo(75);
			if (line.startsWith(" ")) {
				lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
			}
			else {
				lines.add(line);
			}
		}
		return lines;
	}

	static String value(List<String> lines, String name) {
		return lines.stream()
			.filter(l -> l.startsWith(name + ":") || l.startsWith(name + ";"))
			.findFirst()
			.map(l -> l.substring(l.indexOf(':') + 1))
			.orElseThrow(() -> new AssertionError("no " + name));
	}

	@Test
	void longTextIsFoldedEscapedAndReadsBack() {
		String description = "Référence ABC; à changer, ou annuler: https://example.org/appointments/manage/"
				+ "x".repeat(120) + "\nligne 2 \\ fin — éèàçœ 😀";
		String ics = ICalendar.write(new ICalendar.Event("id-1@orchestra-appointments", 3,
				Instant.parse("2026-11-28T10:00:00Z"), Instant.parse("2026-12-01T08:30:00Z"),
				Instant.parse("2026-12-01T08:45:00Z"), "Carte d'identité - Ixelles", "Ixelles - Guichet 1", description,
				"Commune d'Ixelles", "no-reply@example.org", "Jean \"Jo\" Dupont", "jean@example.org", false));
		List<String> lines = unfold(ics);
		assertThat(lines.get(0)).isEqualTo("BEGIN:VCALENDAR");
		assertThat(lines).contains("VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR",
				"STATUS:CONFIRMED", "DTSTART:20261201T083000Z", "DTEND:20261201T084500Z", "DTSTAMP:20261128T100000Z",
				"UID:id-1@orchestra-appointments", "SEQUENCE:3");
		assertThat(ics.split("\r\n").length).as("some lines were folded").isGreaterThan(lines.size());
		String escaped = value(lines, "DESCRIPTION");
		assertThat(escaped).contains("ABC\\; à changer\\, ou annuler: https").contains("\\nligne 2 \\\\ fin").endsWith("😀");
		assertThat(value(lines, "ATTENDEE")).isEqualTo("mailto:jean@example.org");
		assertThat(lines.stream().filter(l -> l.startsWith("ATTENDEE")).findFirst().orElseThrow())
			.startsWith("ATTENDEE;CN=\"Jean Jo Dupont\";");
	}

	@Test
	void aCancellationIsMethodCancelWithStatusCancelled() {
		List<String> lines = unfold(ICalendar.write(new ICalendar.Event("id-2@x", 2, Instant.EPOCH,
				Instant.parse("2026-12-01T08:30:00Z"), Instant.parse("2026-12-01T08:45:00Z"), "S", "L", "D", "O",
				"o@example.org", "A", "a@example.org", true)));
		assertThat(lines).contains("METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:2").doesNotContain("BEGIN:VALARM");
	}
}
