<?php
/**
 * The shortcode [member-map]: every public attribute of the element, plus `height` and `class`.
 *
 * @package member-map
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

add_action( 'init', 'member_map_register_shortcode' );

/**
 * Registers [member-map].
 */
function member_map_register_shortcode() {
	add_shortcode( 'member-map', 'member_map_shortcode' );
}

/**
 * Renders [member-map src="…" region="DE-BW" height="30rem" teaser href="/karte/"].
 *
 * @param array|string $atts Shortcode attributes ('' when there are none); a bare word such as
 *                           `teaser` arrives with a numeric key.
 * @return string
 */
function member_map_shortcode( $atts ) {
	$atts = is_array( $atts ) ? $atts : array();
	foreach ( $atts as $key => $value ) {
		if ( is_int( $key ) && is_string( $value ) && 'teaser' === strtolower( trim( $value ) ) ) {
			$atts['teaser'] = true;
		}
	}
	return member_map_render( shortcode_atts( member_map_default_atts(), $atts, 'member-map' ) );
}
