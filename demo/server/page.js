// The page's one script of its own: send the CSRF token the server rendered with every change (POST, PATCH…).
const csrf = document.querySelector('meta[name="csrf-token"]').content;
document.querySelector('codat-connections').headers = { 'X-CSRF-Token': csrf };
