package org.orchestra.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.jspecify.annotations.Nullable;
import org.orchestra.identity.CurrentUser;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.orchestra.tenancy.TenantGuard;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The document module's facade. Documents belong to the organisation the caller acts for; issued documents are
 * also entered in the public register, where anyone can verify them by their code.
 */
@Service
@Transactional
public class DocumentManagement {

	private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private final Documents documents;
	private final IssuedDocuments register;
	/** Image types the platform can decode, so an upload claiming one of them is decoded before it is kept. */
	private static final java.util.Set<String> DECODED_IMAGES = java.util.Set.of("image/png", "image/jpeg", "image/gif");

	private final DocumentStorage storage;
	private final ContentTypeDetector detector;
	private final PdfRenderer renderer;
	private final DocumentProperties properties;
	private final ApplicationEventPublisher events;
	private final CurrentUser currentUser;
	private final TenantGuard tenants;

	DocumentManagement(Documents documents, IssuedDocuments register, DocumentStorage storage,
			ContentTypeDetector detector, PdfRenderer renderer, DocumentProperties properties,
			ApplicationEventPublisher events, CurrentUser currentUser, TenantGuard tenants) {
		this.documents = documents;
		this.register = register;
		this.storage = storage;
		this.detector = detector;
		this.renderer = renderer;
		this.properties = properties;
		this.events = events;
		this.currentUser = currentUser;
		this.tenants = tenants;
	}

	/**
	 * Stores an uploaded document after checking its size and its content type, detected from the bytes.
	 */
	public Document upload(String title, String filename, InputStream content) {
		OrganisationId organisation = tenants.require();
		String cleanTitle = clean(title, 300);
		String cleanName = cleanFilename(filename);
		if (cleanTitle.isEmpty()) {
			throw new DocumentException("document.error.title-required", 400);
		}
		DocumentStorage.StoredContent stored = store(content);
		if (stored.size() == 0) {
			throw new DocumentException("document.error.empty", 400);
		}
		String type = detector.detect(stored.head());
		if (!properties.allowedTypes().contains(type)) {
			throw new DocumentException("document.error.type-refused", 415);
		}
		if (DECODED_IMAGES.contains(type) && !decodes(stored.sha256())) {
			throw new DocumentException("document.error.damaged-image", 415);
		}
		Document document = documents.insert(new Document(cleanTitle, cleanName, type, stored.size(), stored.sha256(),
				null, currentUser.actorName()));
		events.publishEvent(new DocumentStored(document.id(), organisation.value(), document.title(), type,
				stored.sha256(), null, currentUser.actorName()));
		return document;
	}

	/**
	 * Whether a stored image really is one: its size is read first (refusing more than 100 megapixels, so a small
	 * file cannot demand gigabytes once decoded), then the whole picture is decoded.
	 */
	private boolean decodes(String sha256) {
		try (InputStream in = storage.open(sha256); ImageInputStream images = ImageIO.createImageInputStream(in)) {
			Iterator<ImageReader> readers = images == null ? java.util.Collections.emptyIterator()
					: ImageIO.getImageReaders(images);
			if (!readers.hasNext()) {
				return false;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(images, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				return pixels > 0 && pixels <= 100_000_000L && reader.read(0) != null;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Issues a PDF rendered from a template, with a verification code printed on it and entered in the public
	 * register. The template is {@code module/name} (under {@code templates/<module>/pdf/}) or a name of this
	 * module's own; it receives the variables plus {@code verificationCode} and {@code issuedAt}.
	 */
	public Document issue(String title, String template, Map<String, Object> variables, Locale locale) {
		OrganisationId organisation = tenants.require();
		String code = newCode();
		Instant issuedAt = Instant.now();
		Map<String, Object> model = new HashMap<>(variables);
		model.put("verificationCode", code);
		model.put("issuedAt", issuedAt);
		model.put("title", title);
		byte[] pdf = renderer.render(template.contains("/") ? template : "document/" + template, model, locale);
		DocumentStorage.StoredContent stored = store(new ByteArrayInputStream(pdf));
		Document document = documents.insert(new Document(clean(title, 300), template.substring(template.indexOf('/') + 1) + ".pdf", "application/pdf",
				stored.size(), stored.sha256(), code, currentUser.actorName()));
		register.insert(new IssuedDocument(code, document.id(), organisation.value(), document.title(),
				stored.sha256(), issuedAt));
		events.publishEvent(new DocumentStored(document.id(), organisation.value(), document.title(),
				"application/pdf", stored.sha256(), code, currentUser.actorName()));
		return document;
	}

	/** Documents of the organisation the caller acts for, newest first. */
	@Transactional(readOnly = true)
	public List<Document> list() {
		TenantContext.require();
		return documents.findTop200ByOrderByCreatedAtDesc();
	}

	/** A document of the caller's organisation; documents of other organisations are not found. */
	@Transactional(readOnly = true)
	public Optional<Document> find(UUID id) {
		return documents.findById(id);
	}

	/** Renames a document of the caller's organisation. */
	public Document retitle(UUID id, String title) {
		Document document = documents.findById(id)
			.orElseThrow(() -> new DocumentException("document.error.not-found", 404));
		String clean = clean(title, 300);
		if (clean.isEmpty()) {
			throw new DocumentException("document.error.title-required", 400);
		}
		document.retitle(clean);
		return document;
	}

	public InputStream content(Document document) throws IOException {
		return storage.open(document.sha256());
	}

	/**
	 * Stores content that belongs to no organisation's document list (for example the sanitised photos of public
	 * reports), content-addressed; returns its SHA-256.
	 */
	public String storeBlob(byte[] content) {
		return store(new ByteArrayInputStream(content)).sha256();
	}

	/** Opens content stored by {@link #storeBlob(byte[])}. */
	public InputStream openBlob(String sha256) throws IOException {
		return storage.open(sha256);
	}

	public boolean blobExists(String sha256) {
		return sha256.matches("[0-9a-f]{64}") && storage.exists(sha256);
	}

	/**
	 * Renders a PDF from a module's template ({@code module/name} → {@code templates/<module>/pdf/<name>.html})
	 * without storing it.
	 */
	@Transactional(readOnly = true)
	public byte[] renderPdf(String template, Map<String, Object> variables, Locale locale) {
		return renderer.render(template, variables, locale);
	}

	/** Looks up an issued document by its verification code; anyone may. */
	@Transactional(readOnly = true)
	public Optional<IssuedDocument> verify(@Nullable String code) {
		String normalised = normaliseCode(code);
		return normalised == null ? Optional.empty() : register.findById(normalised);
	}

	/** Whether the given file is exactly the issued document (same SHA-256). The file is not kept. */
	public boolean matches(IssuedDocument issued, InputStream file) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			long size = 0;
			int read;
			while ((read = file.read(buffer)) != -1) {
				size += read;
				if (size > properties.maxSize().toBytes()) {
					return false;
				}
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest()).equals(issued.sha256());
		}
		catch (IOException ex) {
			throw new DocumentException("document.error.unreadable", 400);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private DocumentStorage.StoredContent store(InputStream content) {
		try {
			return storage.store(content, properties.maxSize().toBytes());
		}
		catch (DocumentStorage.TooLargeException ex) {
			throw new DocumentException("document.error.too-large", 413);
		}
		catch (IOException ex) {
			throw new DocumentException("document.error.unreadable", 400);
		}
	}

	static @Nullable String normaliseCode(@Nullable String code) {
		if (code == null) {
			return null;
		}
		String compact = code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		if (compact.length() != 16) {
			return null;
		}
		return compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8, 12) + "-"
				+ compact.substring(12);
	}

	private static String newCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
		}
		return code.toString();
	}

	private static String clean(@Nullable String text, int max) {
		String value = text == null ? "" : text.strip().replaceAll("\\p{Cntrl}", "");
		return value.length() <= max ? value : value.substring(0, max);
	}

	private static String cleanFilename(@Nullable String filename) {
		String name = filename == null ? "" : filename.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N} ._()-]", "_");
		return name.isBlank() ? "document" : clean(name, 255);
	}
}
