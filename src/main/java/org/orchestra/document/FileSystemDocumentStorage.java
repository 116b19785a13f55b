package org.orchestra.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * Content-addressed storage on the local file system: {@code <dir>/ab/cd/abcd…}. Content is written to a
 * temporary file while hashed and size-checked, then moved into place.
 */
@Component
class FileSystemDocumentStorage implements DocumentStorage {

	private static final int HEAD = 8192;

	private final Path root;

	FileSystemDocumentStorage(DocumentProperties properties) throws IOException {
		this.root = properties.storageDirectory().toAbsolutePath().normalize();
		Files.createDirectories(root.resolve("tmp"));
	}

	@Override
	public StoredContent store(InputStream content, long maxBytes) throws IOException {
		Path temporary = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
		try {
			MessageDigest digest = sha256();
			byte[] head = new byte[HEAD];
			int headLength = 0;
			long size = 0;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
				byte[] buffer = new byte[64 * 1024];
				int read;
				while ((read = content.read(buffer)) != -1) {
					size += read;
					if (size > maxBytes) {
						throw new TooLargeException();
					}
					if (headLength < HEAD) {
						int copy = Math.min(read, HEAD - headLength);
						System.arraycopy(buffer, 0, head, headLength, copy);
						headLength += copy;
					}
					out.write(buffer, 0, read);
				}
			}
			String sha = HexFormat.of().formatHex(digest.digest());
			Path target = pathOf(sha);
			if (!Files.exists(target)) {
				Files.createDirectories(target.getParent());
				try {
					Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (AtomicMoveNotSupportedException ex) {
					Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			return new StoredContent(sha, size, Arrays.copyOf(head, headLength));
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	@Override
	public InputStream open(String sha256) throws IOException {
		return Files.newInputStream(pathOf(sha256));
	}

	@Override
	public boolean exists(String sha256) {
		return Files.exists(pathOf(sha256));
	}

	private Path pathOf(String sha256) {
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("Not a SHA-256");
		}
		return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
