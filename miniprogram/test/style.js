// Stylesheets imported by components: nothing to apply in jsdom.
module.exports = {};
