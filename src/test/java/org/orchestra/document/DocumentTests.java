package org.orchestra.document;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.orchestra.PlatformTests;
import org.orchestra.tenancy.OrganisationId;
import org.orchestra.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DocumentTests extends PlatformTests {

	static final OrganisationId IXELLES = OrganisationId.of("commune-21009");
	static final byte[] PNG = png();

	/** The first bytes of a PNG, without the picture: what a disguised file looks like to a type detector. */
	static final byte[] FAKE_PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
			'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };

	private static byte[] png() {
		try {
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB),
					"png", out);
			return out.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Autowired
	DocumentManagement documents;

	@Test
	void theContentTypeComesFromTheBytesNotTheName() {
		Document png = TenantContext.callAs(IXELLES,
				() -> documents.upload("Photo", "photo.pdf", new ByteArrayInputStream(PNG)));
		assertThat(png.contentType()).isEqualTo("image/png");
		byte[] executable = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff };
		assertThatThrownBy(() -> TenantContext.callAs(IXELLES,
				() -> documents.upload("Invoice", "invoice.pdf", new ByteArrayInputStream(executable))))
			.isInstanceOfSatisfying(DocumentException.class, ex -> assertThat(ex.status()).isEqualTo(415));
	}

	@Test
	void aFileThatOnlyLooksLikeAnImageIsRefused() {
		assertThatThrownBy(() -> TenantContext.callAs(IXELLES,
				() -> documents.upload("Photo", "photo.png", new ByteArrayInputStream(FAKE_PNG))))
			.isInstanceOfSatisfying(DocumentException.class, ex -> {
				assertThat(ex.status()).isEqualTo(415);
				assertThat(ex.messageKey()).isEqualTo("document.error.damaged-image");
			});
	}

	@Test
	void identicalContentIsStoredOnceUnderItsSha256() {
		byte[] content = ("same content " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		Document a = TenantContext.callAs(IXELLES, () -> documents.upload("A", "a.txt", new ByteArrayInputStream(content)));
		Document b = TenantContext.callAs(IXELLES, () -> documents.upload("B", "b.txt", new ByteArrayInputStream(content)));
		assertThat(a.sha256()).isEqualTo(b.sha256()).matches("[0-9a-f]{64}");
		assertThat(a.id()).isNotEqualTo(b.id());
	}

	@Test
	void tooLargeAndEmptyFilesAreRefusedAndNothingIsStored() {
		long before = count();
		InputStream huge = new InputStream() {
			long left = 21L * 1024 * 1024;

			@Override
			public int read() {
				return left-- > 0 ? 'a' : -1;
			}

			@Override
			public int read(byte[] b, int off, int len) {
				if (left <= 0) {
					return -1;
				}
				int n = (int) Math.min(len, left);
				java.util.Arrays.fill(b, off, off + n, (byte) 'a');
				left -= n;
				return n;
			}
		};
		assertThatThrownBy(() -> TenantContext.callAs(IXELLES, () -> documents.upload("Huge", "h.txt", huge)))
			.isInstanceOfSatisfying(DocumentException.class, ex -> assertThat(ex.status()).isEqualTo(413));
		assertThatThrownBy(() -> TenantContext.callAs(IXELLES,
				() -> documents.upload("Empty", "e.txt", new ByteArrayInputStream(new byte[0]))))
			.isInstanceOfSatisfying(DocumentException.class, ex -> assertThat(ex.status()).isEqualTo(400));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anIssuedPdfCarriesAVerificationCodeThatAnyoneCanCheck() throws Exception {
		Document issued = TenantContext.callAs(IXELLES, () -> documents.issue("Attestation test",
				"membership-attestation", Map.of("person", "Anne Test", "organisation", "Commune d'Ixelles", "roles",
						"agent"), Locale.of("fr")));
		assertThat(issued.contentType()).isEqualTo("application/pdf");
		byte[] pdf;
		try (InputStream in = documents.content(issued)) {
			pdf = in.readAllBytes();
		}
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		String code = issued.verificationCode();
		assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

		mvc.perform(get("/verify").param("code", code.toLowerCase().replace("-", " ")).header("Accept-Language", "nl"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Attestation test")))
			.andExpect(content().string(containsString("Gemeente Elsene")));
		mvc.perform(multipart("/verify").file(new MockMultipartFile("file", "copy.pdf", "application/pdf", pdf))
			.param("code", code)
			.with(csrf())).andExpect(content().string(containsString("class=\"result valid\"")));
		pdf[pdf.length - 10] ^= 1;
		mvc.perform(multipart("/verify").file(new MockMultipartFile("file", "copy.pdf", "application/pdf", pdf))
			.param("code", code)
			.with(csrf())).andExpect(content().string(containsString("class=\"result invalid\"")));
		mvc.perform(get("/verify").param("code", "AAAA-BBBB-CCCC-DDDD")).andExpect(status().isNotFound());
	}

	@Test
	void staffUploadThroughThePageAndBadFilesAreExplained() throws Exception {
		MockHttpSession agent = login("agent.ixelles");
		mvc.perform(multipart("/documents").file(new MockMultipartFile("file", "pic.png", "image/png", PNG))
			.param("title", "Pothole photo")
			.session(agent)
			.with(csrf())).andExpect(redirectedUrl("/documents"));
		mvc.perform(multipart("/documents")
			.file(new MockMultipartFile("file", "x.pdf", "application/pdf", new byte[] { 'M', 'Z', 0, 0, 1, 2, 3 }))
			.param("title", "Fake")
			.session(agent)
			.header("Accept-Language", "nl")
			.with(csrf()))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().string(containsString("Dit soort bestand wordt niet aanvaard")));
		mvc.perform(multipart("/documents").param("title", "No file").session(agent).with(csrf()))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/documents/attestation").session(agent).with(csrf())).andExpect(redirectedUrl("/documents"));
		mvc.perform(get("/documents").session(agent))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pothole photo")));
	}

	@Test
	void downloadsAreServedAsAttachmentsWithTheDetectedType() throws Exception {
		Document png = TenantContext.callAs(IXELLES,
				() -> documents.upload("Download", "d.png", new ByteArrayInputStream(PNG)));
		mvc.perform(get("/documents/{id}/content", png.id()).session(login("agent.ixelles")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")));
		mvc.perform(get("/documents/{id}/content", "not-a-uuid").session(login("agent.ixelles")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void citizensCannotUseTheStaffDocumentPages() throws Exception {
		mvc.perform(get("/documents").session(login("citizen.demo"))).andExpect(status().isForbidden());
	}

	private long count() {
		return jdbc.queryForObject("select count(*) from document_document", Long.class);
	}
}
