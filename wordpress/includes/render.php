<?php
/**
 * The one function that writes the `<member-map>` tag, for the shortcode and the block alike.
 *
 * @package member-map
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The element's public attributes that an author may set, in the order they are written.
 *
 * Not here: `consent` (the visitor's decision, or the consent manager's, never the author's: a
 * `consent="granted"` in a post would load tiles without asking), `tile-url` and `tile-attribution`
 * (which server visitors' addresses go to is the site's decision: the element's default, or a
 * developer's template) and `picking` (the coordinator's workbench only). `tiles` is here, but an
 * author may only make a map more private than the settings (`consent`, `off`), never `on`.
 *
 * @return string[]
 */
function member_map_element_attributes() {
	return array(
		'src',
		'contact-email',
		'contact-name',
		'contact-subject',
		'lang',
		'tiles',
		'region',
		'selected',
		'view',
		'center',
		'zoom',
		'consent-storage',
		'basemap-url',
		'load-timeout',
		'max-size',
		'nearest',
		'near',
		'places-url',
		'teaser',
		'href',
	);
}

/**
 * Attributes that hold an address: http(s) or relative, through esc_url().
 *
 * @return string[]
 */
function member_map_url_attributes() {
	return array( 'src', 'basemap-url', 'places-url', 'href' );
}

/**
 * Every attribute of the shortcode (and of member_map_render()), all empty: the element's attributes,
 * `height` (written as the `--member-map-height` custom property) and `class`.
 *
 * @return array<string, string>
 */
function member_map_default_atts() {
	$atts = array_fill_keys( member_map_element_attributes(), '' );

	$atts['height'] = '';
	$atts['class']  = '';
	return $atts;
}

/**
 * Writes the `<member-map>` tag and enqueues its script and stylesheet.
 *
 * Missing or empty `src`, `contact-email` and `tiles` come from the settings page. Every value is
 * checked: what is not valid for its attribute is left out (the element then uses its default), and
 * every value written is escaped.
 *
 * @param array<string, mixed> $atts Attribute name (as in member_map_default_atts()) => value;
 *                                   `teaser` is true, or a string such as "1", "true" or "teaser".
 * @return string The tag, ready to print.
 */
function member_map_render( $atts = array() ) {
	$values = member_map_clean_atts( is_array( $atts ) ? $atts : array() );

	$html = '<member-map';
	foreach ( member_map_element_attributes() as $name ) {
		if ( ! isset( $values[ $name ] ) ) {
			continue;
		}
		if ( 'teaser' === $name ) {
			$html .= ' teaser';
			continue;
		}
		$escaped = member_map_esc_attribute( $name, $values[ $name ] );
		if ( '' !== $escaped ) {
			$html .= ' ' . $name . '="' . $escaped . '"';
		}
	}
	if ( isset( $values['class'] ) ) {
		$html .= ' class="' . esc_attr( $values['class'] ) . '"';
	}
	if ( isset( $values['height'] ) ) {
		$html .= ' style="' . esc_attr( '--member-map-height: ' . $values['height'] ) . '"';
	}
	$html .= '></member-map>';

	member_map_enqueue_assets();
	return $html;
}

/**
 * Checks every attribute and fills in the settings' defaults.
 *
 * @param array<string, mixed> $atts Raw attributes.
 * @return array<string, string|true> Attribute name => valid value (unescaped); invalid or empty
 *                                    ones are left out.
 */
function member_map_clean_atts( array $atts ) {
	$raw = array();
	foreach ( member_map_default_atts() as $name => $unused ) {
		$value = isset( $atts[ $name ] ) ? $atts[ $name ] : '';
		if ( 'teaser' === $name ) {
			$raw[ $name ] = member_map_is_true( $value );
			continue;
		}
		$raw[ $name ] = is_scalar( $value ) ? trim( (string) $value ) : '';
	}

	if ( '' === $raw['src'] ) {
		$raw['src'] = member_map_get_option( MEMBER_MAP_OPTION_DATA_URL );
	}
	if ( '' === $raw['contact-email'] ) {
		$raw['contact-email'] = member_map_get_option( MEMBER_MAP_OPTION_CONTACT_EMAIL );
	}
	$site_tiles = member_map_sanitize_tiles( member_map_get_option( MEMBER_MAP_OPTION_TILES ) );
	$asked      = strtolower( $raw['tiles'] );
	// Tiles at once only when the settings say so: a post can ask for more privacy, never for less.
	$raw['tiles'] = member_map_is_tile_mode( $asked ) && ( 'on' !== $asked || 'on' === $site_tiles ) ? $asked : $site_tiles;

	$values = array();
	foreach ( $raw as $name => $value ) {
		$clean = member_map_clean_value( $name, $value );
		if ( null !== $clean ) {
			$values[ $name ] = $clean;
		}
	}
	return $values;
}

/**
 * One attribute's value if it is valid for that attribute.
 *
 * @param string      $name  Attribute.
 * @param string|bool $value Value (bool for `teaser`).
 * @return string|true|null The value (unescaped), or null to leave the attribute out.
 */
function member_map_clean_value( $name, $value ) {
	if ( 'teaser' === $name ) {
		return $value ? true : null;
	}
	if ( '' === $value ) {
		return null;
	}
	switch ( $name ) {
		case 'lang':
			$value = strtolower( $value );
			return in_array( $value, array( 'de', 'en' ), true ) ? $value : null;
		case 'tiles':
			$value = strtolower( $value );
			return member_map_is_tile_mode( $value ) ? $value : null;
		case 'view':
			$value = strtolower( $value );
			return in_array( $value, array( 'map', 'list' ), true ) ? $value : null;
		case 'consent-storage':
			return 'local' === strtolower( $value ) ? 'local' : null;
		case 'contact-email':
			$value = sanitize_text_field( $value );
			return member_map_is_contact_email( $value ) ? $value : null;
		case 'center':
			return member_map_is_center( $value ) ? preg_replace( '/\s+/', '', $value ) : null;
		case 'zoom':
			return preg_match( '/^\d{1,2}(\.\d{1,3})?$/', $value ) && (float) $value <= 22 ? $value : null;
		case 'load-timeout':
		case 'max-size':
			return preg_match( '/^\d{1,5}(\.\d{1,3})?$/', $value ) && (float) $value > 0 ? $value : null;
		case 'nearest':
			return preg_match( '/^\d{1,3}$/', $value ) && (int) $value > 0 ? (string) (int) $value : null;
		case 'height':
			return member_map_is_css_length( $value ) ? strtolower( $value ) : null;
		case 'class':
			$classes = array_filter( array_map( 'sanitize_html_class', preg_split( '/\s+/', $value ) ) );
			return $classes ? implode( ' ', $classes ) : null;
		case 'src':
		case 'basemap-url':
		case 'places-url':
		case 'href':
		case 'tile-url':
			// Entities as the classic editor writes them (`&amp;`): esc_url() encodes again.
			return html_entity_decode( $value, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		default:
			// Plain text: contact-name, contact-subject, tile-attribution, region, selected, near.
			$value = sanitize_text_field( $value );
			return '' === $value ? null : $value;
	}
}

/**
 * Escapes one value for its attribute: addresses through esc_url() (http and https only, or
 * relative), everything else through esc_attr().
 *
 * @param string $name  Attribute.
 * @param string $value Clean value.
 * @return string Escaped value; empty if the address was refused.
 */
function member_map_esc_attribute( $name, $value ) {
	if ( in_array( $name, member_map_url_attributes(), true ) ) {
		return member_map_esc_url( $value );
	}
	if ( 'tile-url' === $name ) {
		return member_map_esc_tile_url( $value );
	}
	return esc_attr( $value );
}

/**
 * Escapes an address for an attribute: http(s), or relative to the page (`/daten/members.json`,
 * `members.geojson`, `../members.json`). Any other scheme (javascript:, data:, …) gives ''.
 *
 * @param string $url Address.
 * @return string Escaped address, or '' if refused.
 */
function member_map_esc_url( $url ) {
	$protocols = array( 'http', 'https' );
	$url       = trim( (string) $url );
	if ( '' === $url ) {
		return '';
	}
	if ( preg_match( '/^[a-z][a-z0-9+.\-]*:/i', $url ) || in_array( $url[0], array( '/', '#', '?' ), true ) ) {
		return esc_url( $url, $protocols );
	}
	// A relative path: esc_url() would take its first segment for a host name and prefix "http://".
	// Escape it behind a "/" and take that off again.
	$escaped = esc_url( '/' . $url, $protocols );
	if ( strlen( $escaped ) < 2 ) {
		return '';
	}
	$escaped = substr( $escaped, 1 );
	// What esc_url() dropped (spaces, control characters) or left as an entity (`&#58;`) could now
	// make a scheme of the start ("java script:alert(1)"): only what has no such scheme passes.
	if ( wp_kses_bad_protocol( $escaped, $protocols ) !== $escaped ) {
		return '';
	}
	return $escaped;
}

/**
 * Escapes a tile URL template: an address as member_map_esc_url() takes it, whose placeholders
 * `{s}`, `{z}`, `{x}`, `{y}`, `{-y}` and `{r}` esc_url() would otherwise strip.
 *
 * @param string $template Template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png.
 * @return string Escaped template, or '' if refused.
 */
function member_map_esc_tile_url( $template ) {
	$placeholders = array( '{s}', '{z}', '{x}', '{y}', '{-y}', '{r}' );
	$tokens       = array();
	foreach ( array_keys( $placeholders ) as $index ) {
		$tokens[] = 'membermaptile' . $index . 'x';
	}
	$escaped = member_map_esc_url( str_replace( $placeholders, $tokens, $template ) );
	return str_replace( $tokens, $placeholders, $escaped );
}

/**
 * Whether a value switches a boolean attribute on: true, "1", "true", "yes", "on" or the
 * attribute's own name (`teaser="teaser"`).
 *
 * @param mixed $value Value.
 * @return bool
 */
function member_map_is_true( $value ) {
	if ( is_bool( $value ) ) {
		return $value;
	}
	if ( is_int( $value ) ) {
		return 0 !== $value;
	}
	return is_string( $value ) && in_array( strtolower( trim( $value ) ), array( '1', 'true', 'yes', 'on', 'teaser' ), true );
}

/**
 * Whether a value is one of the tile modes.
 *
 * @param string $value Value.
 * @return bool
 */
function member_map_is_tile_mode( $value ) {
	return is_string( $value ) && array_key_exists( strtolower( $value ), member_map_tile_modes() );
}

/**
 * Whether a value is `latitude,longitude` within range.
 *
 * @param string $value Value.
 * @return bool
 */
function member_map_is_center( $value ) {
	if ( ! preg_match( '/^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/', $value, $match ) ) {
		return false;
	}
	return abs( (float) $match[1] ) <= 90 && abs( (float) $match[2] ) <= 180;
}

/**
 * Whether a value is a CSS length such as `480px` or `30rem`: a positive number and a unit, nothing
 * else (no `calc()`, no `;`), so that it cannot add other declarations to the style attribute.
 *
 * @param string $value Value.
 * @return bool
 */
function member_map_is_css_length( $value ) {
	return 1 === preg_match( '/^(?:\d{1,4}(?:\.\d{1,3})?|\.\d{1,3})(?:px|em|rem|ch|ex|vh|vw|vmin|vmax|svh|lvh|dvh|cm|mm|in|pt|pc)$/i', $value );
}
