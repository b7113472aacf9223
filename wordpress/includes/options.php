<?php
/**
 * The plugin's options (Settings → Mitgliederkarte): their names, defaults and checks.
 *
 * @package member-map
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Option: the default member file (`src`) for every map that names none. */
const MEMBER_MAP_OPTION_DATA_URL = 'member_map_data_url';

/** Option: the coordinator's address (`contact-email`); empty: the element's own default. */
const MEMBER_MAP_OPTION_CONTACT_EMAIL = 'member_map_contact_email';

/** Option: the tile mode (`tiles`) for every map that names none: consent, on or off. */
const MEMBER_MAP_OPTION_TILES = 'member_map_tiles';

/**
 * The options with their defaults (also when they were never saved: register_setting()'s defaults
 * only count where the setting is registered, which is the admin).
 *
 * @return array<string, string> Option name => default.
 */
function member_map_option_defaults() {
	return array(
		MEMBER_MAP_OPTION_DATA_URL      => '',
		MEMBER_MAP_OPTION_CONTACT_EMAIL => '',
		MEMBER_MAP_OPTION_TILES         => 'consent',
	);
}

/**
 * One option's value, or its default.
 *
 * @param string $name One of the MEMBER_MAP_OPTION_* names.
 * @return string
 */
function member_map_get_option( $name ) {
	$defaults = member_map_option_defaults();
	$default  = isset( $defaults[ $name ] ) ? $defaults[ $name ] : '';
	$value    = get_option( $name, $default );
	return is_string( $value ) ? $value : $default;
}

/**
 * The tile modes of the element's `tiles` attribute, with their German names.
 *
 * @return array<string, string>
 */
function member_map_tile_modes() {
	return array(
		'consent' => __( 'Nach Zustimmung (Standard): erst die Offline-Karte, Detailkarte auf Klick', 'member-map' ),
		'on'      => __( 'Immer: Kacheln sofort laden (eigener Kachelserver oder Proxy)', 'member-map' ),
		'off'     => __( 'Nie: nur die Offline-Karte', 'member-map' ),
	);
}

/**
 * Sanitize callback of the tile mode: one of consent, on, off (else consent).
 *
 * @param mixed $value Submitted value.
 * @return string
 */
function member_map_sanitize_tiles( $value ) {
	$value = is_string( $value ) ? strtolower( trim( $value ) ) : '';
	return array_key_exists( $value, member_map_tile_modes() ) ? $value : 'consent';
}

/**
 * Sanitize callback of the default data URL: an http(s) address or a path from the site's root
 * (`/wp-content/uploads/…`; not a relative one, which would mean another file on every page); anything
 * else keeps the saved value and says why.
 *
 * @param mixed $value Submitted value.
 * @return string
 */
function member_map_sanitize_data_url( $value ) {
	// esc_url_raw keeps percent-escapes (%20, %C3%BC) that sanitize_text_field would strip.
	$submitted = is_string( $value ) ? trim( $value ) : '';
	$value     = trim( esc_url_raw( $submitted, array( 'http', 'https' ) ) );
	return member_map_valid_or_saved(
		MEMBER_MAP_OPTION_DATA_URL,
		$value,
		// An empty field clears the address; one that cleaning empties (javascript:…) is refused.
		'' === $submitted || ( preg_match( '#^(https?:/)?/#i', $value ) && '' !== member_map_esc_url( $value ) ),
		__( 'Die Adresse der Mitgliederdatei muss mit https:// (oder http://) oder mit / beginnen. Die bisherige Adresse bleibt gespeichert.', 'member-map' )
	);
}

/**
 * Sanitize callback of the contact address: an email address (`name(at)domain` too) or empty.
 *
 * @param mixed $value Submitted value.
 * @return string
 */
function member_map_sanitize_contact_email( $value ) {
	$submitted = is_string( $value ) ? trim( $value ) : '';
	$value     = trim( sanitize_text_field( $submitted ) );
	return member_map_valid_or_saved(
		MEMBER_MAP_OPTION_CONTACT_EMAIL,
		$value,
		'' === $submitted || member_map_is_contact_email( $value ),
		__( 'Die Kontaktadresse ist keine gültige E-Mail-Adresse. Die bisherige Adresse bleibt gespeichert.', 'member-map' )
	);
}

/**
 * Whether a text is an email address as the element takes it (`name@domain` or `name(at)domain`).
 *
 * @param string $value Address.
 * @return bool
 */
function member_map_is_contact_email( $value ) {
	return false !== is_email( str_ireplace( '(at)', '@', $value ) );
}

/**
 * What a sanitize callback keeps: the cleaned value when it is valid, else the saved value, with a
 * settings error that says why.
 *
 * @param string $setting Option name.
 * @param string $value   Submitted value, already cleaned.
 * @param bool   $valid   Whether `$value` may be saved.
 * @param string $message Why it may not.
 * @return string
 */
function member_map_valid_or_saved( $setting, $value, $valid, $message ) {
	if ( $valid ) {
		return $value;
	}
	member_map_settings_error( $setting, $message );
	return member_map_get_option( $setting );
}

/**
 * Adds a settings error once (WordPress runs a sanitize callback twice when an option is first saved).
 *
 * @param string $setting Option name.
 * @param string $message Message.
 */
function member_map_settings_error( $setting, $message ) {
	if ( ! function_exists( 'add_settings_error' ) ) {
		return;
	}
	foreach ( get_settings_errors( $setting ) as $error ) {
		if ( $error['message'] === $message ) {
			return;
		}
	}
	add_settings_error( $setting, $setting, $message );
}
