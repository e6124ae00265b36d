// Images imported by components: their path as the bundler would give it.
module.exports = 'test-asset';
