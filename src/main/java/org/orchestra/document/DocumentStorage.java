package org.orchestra.document;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where document content lives. Content is addressed by its SHA-256, so identical content is stored once and
 * can never be altered in place. The file system is the embedded default; an S3-compatible store implements
 * the same port at scale.
 */
interface DocumentStorage {

	/** Stores content, refusing more than {@code maxBytes}. */
	StoredContent store(InputStream content, long maxBytes) throws IOException;

	InputStream open(String sha256) throws IOException;

	boolean exists(String sha256);

	record StoredContent(String sha256, long size, byte[] head) {
	}

	/** Content larger than allowed. */
	class TooLargeException extends IOException {

		TooLargeException() {
			super("Content too large");
		}
	}
}
