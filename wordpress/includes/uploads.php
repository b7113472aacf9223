<?php
/**
 * Member files in the Media Library: `.geojson` and `.json` uploads for roles that may upload files.
 *
 * @package member-map
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

add_filter( 'upload_mimes', 'member_map_upload_mimes', 10, 2 );
add_filter( 'wp_check_filetype_and_ext', 'member_map_check_filetype_and_ext', 10, 5 );

/**
 * The file types this plugin adds: extension => MIME type.
 *
 * @return array<string, string>
 */
function member_map_upload_types() {
	return array(
		'geojson' => 'application/geo+json',
		'json'    => 'application/json',
	);
}

/**
 * Allows `.geojson` and `.json` for users with `upload_files`.
 *
 * @param array            $mimes Extension regex => MIME type.
 * @param int|WP_User|null $user  The user, or null for the current one.
 * @return array
 */
function member_map_upload_mimes( $mimes, $user = null ) {
	$can_upload = null === $user ? current_user_can( 'upload_files' ) : user_can( $user, 'upload_files' );
	if ( ! $can_upload || ! is_array( $mimes ) ) {
		return $mimes;
	}
	foreach ( member_map_upload_types() as $extension => $type ) {
		if ( ! isset( $mimes[ $extension ] ) ) {
			$mimes[ $extension ] = $type;
		}
	}
	return $mimes;
}

/**
 * WordPress compares the type from the extension with what PHP's fileinfo finds in the file, and
 * refuses a `.geojson` (fileinfo: application/json, not application/geo+json) or a `.json` that
 * fileinfo calls text/plain. Accept those when the file is allowed for this user, fileinfo found
 * JSON or text, and the file starts like JSON (so that no browser could sniff it as HTML).
 *
 * @param array        $data      ext, type, proper_filename as WordPress found them.
 * @param string       $file      Full path of the uploaded file.
 * @param string       $filename  The file's name.
 * @param array|null   $mimes     Allowed types, or null.
 * @param string|false $real_mime What fileinfo found, or false.
 * @return array
 */
function member_map_check_filetype_and_ext( $data, $file, $filename, $mimes, $real_mime = false ) {
	if ( ! empty( $data['ext'] ) && ! empty( $data['type'] ) ) {
		return $data;
	}
	$json_types = array( 'application/json', 'application/geo+json', 'text/json', 'text/plain' );
	if ( false !== $real_mime && ! in_array( $real_mime, $json_types, true ) ) {
		return $data;
	}
	$extension = strtolower( pathinfo( (string) $filename, PATHINFO_EXTENSION ) );
	if ( ! array_key_exists( $extension, member_map_upload_types() ) || ! current_user_can( 'upload_files' ) ) {
		return $data;
	}
	$allowed = is_array( $mimes ) && $mimes ? $mimes : get_allowed_mime_types();
	$checked = wp_check_filetype( $filename, $allowed );
	if ( $checked['ext'] !== $extension || ! member_map_file_looks_like_json( $file ) ) {
		return $data;
	}
	$data['ext']  = $checked['ext'];
	$data['type'] = $checked['type'];
	return $data;
}

/**
 * Whether a file is text that starts like JSON (`{` or `[`, after a byte order mark and spaces).
 *
 * @param string $file Path.
 * @return bool
 */
function member_map_file_looks_like_json( $file ) {
	if ( ! is_string( $file ) || ! is_readable( $file ) ) {
		return false;
	}
	// A local, just uploaded file: only its first bytes are read.
	$start = file_get_contents( $file, false, null, 0, 1024 ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
	if ( ! is_string( $start ) || false !== strpos( $start, "\0" ) ) {
		return false;
	}
	$start = ltrim( preg_replace( '/^\xEF\xBB\xBF/', '', $start ) );
	return '' !== $start && in_array( $start[0], array( '{', '[' ), true );
}
