package org.orchestra.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Accounts extends JpaRepository<Account, UUID> {

	Optional<Account> findByUsernameIgnoreCase(String username);

	Optional<Account> findByNationalNumber(String nationalNumber);

	Optional<Account> findByExternalSubject(String subject);
}
