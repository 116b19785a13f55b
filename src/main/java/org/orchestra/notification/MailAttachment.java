package org.orchestra.notification;

import java.util.Arrays;

/**
 * A file sent with an e-mail, such as an iCalendar invitation.
 *
 * @param fileName the name the recipient sees (no path)
 * @param contentType the MIME type, possibly with parameters ({@code text/calendar; method=REQUEST})
 * @param content the bytes, at most 1 MB
 */
public record MailAttachment(String fileName, String contentType, byte[] content) {

	static final int MAX_SIZE = 1024 * 1024;

	public MailAttachment {
		if (fileName == null || !fileName.matches("[A-Za-z0-9._-]{1,200}")) {
			throw new IllegalArgumentException("Invalid attachment name");
		}
		if (contentType == null || contentType.isBlank() || contentType.length() > 200) {
			throw new IllegalArgumentException("Invalid attachment type");
		}
		if (content == null || content.length > MAX_SIZE) {
			throw new IllegalArgumentException("Invalid attachment content");
		}
		content = content.clone();
	}

	@Override
	public byte[] content() {
		return content.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MailAttachment that && that.fileName.equals(fileName)
				&& that.contentType.equals(contentType) && Arrays.equals(that.content, content);
	}

	@Override
	public int hashCode() {
		return fileName.hashCode() * 31 + Arrays.hashCode(content);
	}

	@Override
	public String toString() {
		return fileName + " (" + contentType + ", " + content.length + " bytes)";
	}
}
