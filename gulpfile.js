// Copies the static files tsc does not emit (icons, and codex JSON if tsc skipped it) into dist/.
const { src, dest } = require('gulp');

function buildIcons() {
	return src(['icons/**/*.svg', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest('dist'));
}

function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports['build:icons'] = async function buildStatic() {
	await new Promise((resolve, reject) => buildIcons().on('end', resolve).on('finish', resolve).on('error', reject));
	await new Promise((resolve, reject) => copyCodex().on('end', resolve).on('finish', resolve).on('error', reject));
};
