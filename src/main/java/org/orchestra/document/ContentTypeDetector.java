package org.orchestra.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Detects a document's content type from its first bytes (magic numbers), never from its name: a file called
 * {@code .pdf} that holds an executable is an executable.
 */
@Component
class ContentTypeDetector {

	private final Tika tika = new Tika();

	String detect(byte[] head) {
		try {
			String type = tika.detect(new ByteArrayInputStream(head));
			return type == null ? "application/octet-stream" : type;
		}
		catch (IOException ex) {
			return "application/octet-stream";
		}
	}
}
