package org.orchestra.appointment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes iCalendar (RFC 5545) invitations for appointments: one VEVENT whose UID stays the same for the life of
 * the appointment, a SEQUENCE raised on every change, times in UTC, CRLF line ends, lines folded at 75 octets and
 * text escaped. A cancellation is METHOD:CANCEL with STATUS:CANCELLED.
 */
final class ICalendar {

	static final String CONTENT_TYPE_REQUEST = "text/calendar; charset=UTF-8; method=REQUEST";
	static final String CONTENT_TYPE_CANCEL = "text/calendar; charset=UTF-8; method=CANCEL";

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);
	private static final String CRLF = "\r\n";

	private ICalendar() {
	}

	record Event(String uid, int sequence, Instant stamp, Instant start, Instant end, String summary, String location,
			String description, String organizerName, String organizerEmail, String attendeeName,
			String attendeeEmail, boolean cancelled) {
	}

	static String write(Event event) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Orchestra//Appointments//EN");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:" + (event.cancelled() ? "CANCEL" : "REQUEST"));
		line(out, "BEGIN:VEVENT");
		line(out, "UID:" + event.uid());
		line(out, "SEQUENCE:" + event.sequence());
		line(out, "DTSTAMP:" + UTC.format(event.stamp()));
		line(out, "DTSTART:" + UTC.format(event.start()));
		line(out, "DTEND:" + UTC.format(event.end()));
		line(out, "SUMMARY:" + escape(event.summary()));
		line(out, "LOCATION:" + escape(event.location()));
		line(out, "DESCRIPTION:" + escape(event.description()));
		line(out, "ORGANIZER;CN=" + parameter(event.organizerName()) + ":mailto:" + event.organizerEmail());
		line(out, "ATTENDEE;CN=" + parameter(event.attendeeName()) + ";ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:"
				+ event.attendeeEmail());
		line(out, "STATUS:" + (event.cancelled() ? "CANCELLED" : "CONFIRMED"));
		line(out, "TRANSP:OPAQUE");
		if (!event.cancelled()) {
			line(out, "BEGIN:VALARM");
			line(out, "ACTION:DISPLAY");
			line(out, "DESCRIPTION:" + escape(event.summary()));
			line(out, "TRIGGER:-PT1H");
			line(out, "END:VALARM");
		}
		line(out, "END:VEVENT");
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case ';' -> out.append("\\;");
				case ',' -> out.append("\\,");
				case '\n' -> out.append("\\n");
				case '\r' -> {
				}
				default -> out.append(Character.isISOControl(c) ? ' ' : c);
			}
		}
		return out.toString();
	}

	/** A parameter value: quoted, without the characters a quoted value cannot hold. */
	static String parameter(String value) {
		return "\"" + value.replaceAll("[\"\\p{Cntrl}]", "") + "\"";
	}

	/** Appends a content line folded at 75 octets (never inside a UTF-8 sequence), ending with CRLF. */
	static void line(StringBuilder out, String line) {
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append(CRLF).append(' ');
				octets = 1;
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append(CRLF);
	}
}
