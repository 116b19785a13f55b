// Answer templates: choosing one fills the message field, which the agent can still edit.
document.querySelectorAll('select[data-template-target]').forEach(function (select) {
  select.addEventListener('change', function () {
    var target = document.getElementById(select.getAttribute('data-template-target'));
    if (target && select.value) {
      target.value = select.value;
      target.focus();
    }
  });
});
