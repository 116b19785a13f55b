package org.orchestra.appointment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.orchestra.tenancy.OrganisationId;
import org.springframework.stereotype.Component;

/**
 * Links that let a citizen act on an appointment without signing in: the appointment, the purpose, the expiry and
 * the link generation, signed with HMAC-SHA256 under the platform's secret. A change made through a link raises
 * the appointment's link generation, so that the link cannot be used again.
 */
@Component
class SignedLinks {

	static final String MANAGE = "manage";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final byte[] key;

	SignedLinks(AppointmentProperties properties) {
		byte[] configured = properties.linkSecret().getBytes(StandardCharsets.UTF_8);
		if (configured.length < 16) {
			configured = new byte[32];
			new SecureRandom().nextBytes(configured);
		}
		this.key = configured;
	}

	record Claims(OrganisationId organisation, UUID appointment, String purpose, Instant expires, int generation) {
	}

	String sign(Claims claims) {
		String payload = String.join("|", "v1", claims.organisation().value(), claims.appointment().toString(),
				claims.purpose(), Long.toString(claims.expires().getEpochSecond()),
				Integer.toString(claims.generation()));
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
	}

	/**
	 * Reads a link's claims: refuses (400) a link this platform did not sign or that was altered, and (410) an
	 * expired one. Whether it was already used is for the caller to check against the appointment.
	 */
	Claims verify(String token, String purpose, Instant now) {
		if (token == null || token.length() > 400 || !token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
			throw new AppointmentException("appointment.link.invalid", 400);
		}
		int dot = token.indexOf('.');
		byte[] payload;
		byte[] signature;
		try {
			payload = DECODER.decode(token.substring(0, dot));
			signature = DECODER.decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new AppointmentException("appointment.link.invalid", 400);
		}
		if (!MessageDigest.isEqual(mac(payload), signature)) {
			throw new AppointmentException("appointment.link.invalid", 400);
		}
		String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
		Claims claims;
		try {
			if (parts.length != 6 || !"v1".equals(parts[0])) {
				throw new IllegalArgumentException("format");
			}
			claims = new Claims(new OrganisationId(parts[1]), UUID.fromString(parts[2]), parts[3],
					Instant.ofEpochSecond(Long.parseLong(parts[4])), Integer.parseInt(parts[5]));
		}
		catch (IllegalArgumentException ex) {
			throw new AppointmentException("appointment.link.invalid", 400);
		}
		if (!claims.purpose().equals(purpose)) {
			throw new AppointmentException("appointment.link.invalid", 400);
		}
		if (!now.isBefore(claims.expires())) {
			throw new AppointmentException("appointment.link.expired", 410);
		}
		return claims;
	}

	private byte[] mac(byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
